import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate --name <why>` turns changes in the tables.ts files into a new
// committed SQL migration in migrations/; `npx drizzle-kit generate --custom --name <why>`
// makes an empty one for SQL drizzle cannot express (triggers, grants). The app applies them
// itself at boot (src/platform/db/migrate.ts); see docs/architecture.md.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/**/tables.ts",
  out: "./migrations",
});
