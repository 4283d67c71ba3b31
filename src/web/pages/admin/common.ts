/** The consortium admin's pages: every route declares this access. */
export const ADMIN = { roles: ["consortium_admin"], scope: "any" } as const;
