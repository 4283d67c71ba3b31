import type { FastifyReply } from "fastify";
import { z } from "zod";
import { callerOf, principalOf, requestMeta } from "../../platform/auth/access.ts";
import { HUMAN_ROLES } from "../../platform/auth/roles.ts";
import type { App } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import {
  actionById,
  CONSORTIUM_ADMIN,
  oneById,
  queryRoute,
} from "../../platform/http/route-parts.ts";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "./constants.ts";
import {
  apiKeyView,
  auditorRequestBody,
  auditorRequestView,
  createApiKeyBody,
  createUserBody,
  declarationBody,
  enrolBody,
  listQuery,
  mfaBody,
  passwordChangeBody,
  signInBody,
  updateUserBody,
  userView,
} from "./schemas.ts";
import type { IdentityService } from "./service.ts";

export function setSessionCookie(reply: FastifyReply, token: string) {
  // __Host-: Secure, path /, no Domain — the cookie cannot be set or read by a sibling host.
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, secure: true, sameSite: "lax" });
}

const tags = ["Identity"];
/** A person's own account, also before the declaration is accepted. */
const OWN_ACCOUNT = { roles: HUMAN_ROLES, scope: "self", beforeDeclaration: true } as const;
/** Who may list the accounts and API keys of every organisation. */
const ACCOUNT_READERS = {
  roles: ["consortium_admin", "auditor", "support"],
  scope: "any",
} as const;

export function registerIdentityRoutes(app: App, identity: IdentityService) {
  app.post(
    "/api/v1/auth/sign-in",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "Sign in with e-mail and password (step 1 of 2), or with the TOTP code as well (one step)",
        body: signInBody,
        response: {
          200: z.object({
            status: z.enum(["mfa_required", "mfa_enrolment_required", "signed_in"]),
            csrfToken: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await identity.signIn(requestMeta(request), request.body);
      setSessionCookie(reply, result.token);
      return { status: result.status, csrfToken: result.csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/mfa",
    {
      config: { access: "signing_in" },
      schema: {
        tags,
        summary: "Give the TOTP code or a recovery code (step 2 of 2)",
        body: mfaBody,
        response: { 200: z.object({ status: z.literal("signed_in"), csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const next = await identity.verifySecondFactor(
        requestMeta(request),
        request.session!,
        request.body,
      );
      setSessionCookie(reply, next.token);
      return { status: "signed_in" as const, csrfToken: next.csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/mfa/enrolment",
    {
      config: { access: "signing_in" },
      schema: {
        tags,
        summary: "Start setting up an authenticator app: secret, otpauth URI and QR code",
        response: {
          200: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }),
        },
      },
    },
    async (request) => identity.startEnrolment(request.session!),
  );

  app.post(
    "/api/v1/auth/mfa/enrolment/confirm",
    {
      config: { access: "signing_in" },
      schema: {
        tags,
        summary: "Confirm the authenticator app with a first code; returns recovery codes once",
        body: enrolBody,
        response: {
          200: z.object({
            status: z.literal("signed_in"),
            csrfToken: z.string(),
            recoveryCodes: z.array(z.string()),
          }),
        },
      },
    },
    async (request, reply) => {
      const next = await identity.finishEnrolment(
        requestMeta(request),
        request.session!,
        request.body.code,
      );
      setSessionCookie(reply, next.token);
      return {
        status: "signed_in" as const,
        csrfToken: next.csrfToken,
        recoveryCodes: next.recoveryCodes,
      };
    },
  );

  app.post(
    "/api/v1/auth/sign-out",
    {
      config: { access: "public" },
      schema: { tags, summary: "Sign out (ends the session)" },
    },
    async (request, reply) => {
      if (request.session) {
        if (request.headers["x-csrf-token"] !== request.session.csrfToken) {
          throw new AppError("forbidden", "The form has expired; reload the page and try again.", {
            code: "csrf_failed",
          });
        }
        await identity.signOut(requestMeta(request), request.session);
      }
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      config: {
        access: {
          roles: [...HUMAN_ROLES, "allocation_system"],
          scope: "self",
          beforeDeclaration: true,
        },
      },
      schema: { tags, summary: "Who am I: account, roles, organisation, declaration status" },
    },
    async (request) => identity.me(principalOf(request)),
  );

  app.post(
    "/api/v1/auth/password",
    {
      config: { access: OWN_ACCOUNT },
      schema: { tags, summary: "Change your password", body: passwordChangeBody },
    },
    async (request, reply) => {
      const [principal, meta] = callerOf(request);
      await identity.changePassword(meta, principal, request.session, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/v1/auth/declaration",
    {
      config: { access: OWN_ACCOUNT },
      schema: {
        tags,
        summary: "Accept the declaration of compliance and confidentiality (003 §19; 001 §3.2)",
        body: declarationBody,
      },
    },
    async (request, reply) => {
      const [principal, meta] = callerOf(request);
      await identity.acceptDeclaration(meta, principal);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/users",
    queryRoute(
      ACCOUNT_READERS,
      { tags, summary: "List accounts (optionally of one organisation)" },
      listQuery,
      z.object({ items: z.array(userView) }),
    ),
    async (request) => ({
      items: await identity.listUsers(principalOf(request), request.query.organisationId),
    }),
  );

  app.post(
    "/api/v1/users",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary: "Create an account; returns a one-time password",
        body: createUserBody,
        response: { 201: z.object({ user: userView, activationPassword: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await identity.createUser(...callerOf(request), request.body)),
  );

  app.patch(
    "/api/v1/users/:id",
    actionById(
      CONSORTIUM_ADMIN,
      { tags, summary: "Change roles, name or status of an account" },
      updateUserBody,
      userView,
    ),
    async (request) => identity.updateUser(...callerOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/v1/users/:id/reset",
    oneById(
      CONSORTIUM_ADMIN,
      { tags, summary: "Reset password and authenticator app (new one-time password)" },
      z.object({ activationPassword: z.string() }),
    ),
    async (request) => identity.resetUser(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/api-keys",
    queryRoute(
      ACCOUNT_READERS,
      { tags, summary: "List API keys (never the keys themselves)" },
      listQuery,
      z.object({ items: z.array(apiKeyView) }),
    ),
    async (request) => ({
      items: await identity.listApiKeys(principalOf(request), request.query.organisationId),
    }),
  );

  app.post(
    "/api/v1/api-keys",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary: "Issue an API key for an organisation and role; the key is shown once",
        body: createApiKeyBody,
        response: { 201: apiKeyView.extend({ key: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await identity.issueApiKey(...callerOf(request), request.body)),
  );

  app.get(
    "/api/v1/auditor-requests",
    {
      config: { access: { roles: ["consortium_admin", "auditor"], scope: "any" } },
      schema: {
        tags,
        summary: "Requests for auditor access (four eyes), pending first",
        response: { 200: z.object({ items: z.array(auditorRequestView) }) },
      },
    },
    async (request) => ({ items: await identity.listAuditorRequests(principalOf(request)) }),
  );

  app.post(
    "/api/v1/auditor-requests",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary:
          "Ask for an auditor organisation, key or account; a second consortium admin approves",
        body: auditorRequestBody,
        response: { 201: auditorRequestView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await identity.requestAuditorAccess(...callerOf(request), request.body)),
  );

  app.post(
    "/api/v1/auditor-requests/:id/approval",
    oneById(
      CONSORTIUM_ADMIN,
      {
        tags,
        summary:
          "Approve (a different consortium admin, signed in): the thing is made; a key or one-time password is shown once",
      },
      z.object({
        request: auditorRequestView,
        organisation: z.object({ id: z.uuid(), name: z.string() }).optional(),
        apiKey: apiKeyView.extend({ key: z.string() }).optional(),
        user: userView.optional(),
        activationPassword: z.string().optional(),
      }),
    ),
    async (request) => identity.approveAuditorRequest(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/auditor-requests/:id/rejection",
    oneById(
      CONSORTIUM_ADMIN,
      { tags, summary: "Refuse (or, the one who asked, withdraw) a pending request" },
      auditorRequestView,
    ),
    async (request) => identity.rejectAuditorRequest(...callerOf(request), request.params.id),
  );

  app.delete(
    "/api/v1/api-keys/:id",
    oneById(CONSORTIUM_ADMIN, { tags, summary: "Revoke an API key" }, apiKeyView),
    async (request) => identity.revokeApiKey(...callerOf(request), request.params.id),
  );
}
