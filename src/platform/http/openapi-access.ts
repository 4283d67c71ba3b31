import type { Access } from "../auth/access.ts";

/** The session cookie as an OpenAPI security scheme (the bearer scheme is `apiKey`). */
export const sessionSecurityScheme = (cookieName: string) => ({
  type: "apiKey" as const,
  in: "cookie" as const,
  name: cookieName,
  description: "A signed-in browser session (state changes also need the X-CSRF-Token header)",
});

/**
 * A route's access declaration as OpenAPI operation fields (D-730): `security` (who may call:
 * nobody needs to sign in, a half-signed-in session, or a key or session) and `x-access`, the
 * declaration itself (roles and scope), so that clients, and the authorisation matrix in
 * test/security, read who may call an operation from the document the API serves.
 */
export function openapiAccess(access: Access | undefined): Record<string, unknown> {
  if (access === undefined) return {};
  if (access === "public") return { security: [], "x-access": "public" };
  if (access === "signing_in") return { security: [{ session: [] }], "x-access": "signing_in" };
  return {
    security: [{ apiKey: [] }, { session: [] }],
    "x-access": {
      roles: [...access.roles],
      scope: access.scope,
      ...(access.beforeDeclaration ? { beforeDeclaration: true } : {}),
    },
  };
}
