/**
 * The dependency rules of src/ (docs/architecture.md, "Dependency rules"; issue #18 part 6).
 * Run by `npm run deps` and in .ci/run; any violation fails the run.
 *
 * The rules are written by path pattern, never by file list, so a module that is split into
 * use-cases/, read-models/ and the like is covered as it is. They apply to source files; test
 * files (*.test.ts) may import what they need (src/testing among it), but a circle is a circle
 * wherever it closes. Type-only imports count (tsPreCompilationDeps), as do `.ts` specifiers.
 */

/** Test files: exempt from the layering rules. */
const TEST = "\\.test\\.ts$";
/** The modules that make up the register (signaleringslijst). */
const REGISTER = "(registrations|seekers|screenings|cases|letters|matching|retention)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "No import circle anywhere in src, type-only imports included: a circle means two " +
        "files cannot be understood (or loaded) one without the other.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "platform-stays-below",
      severity: "error",
      comment:
        "src/platform knows nothing of the protocol, the modules, the web pages, the app or the " +
        "command line: it is what they all build on.",
      from: { path: "^src/platform/", pathNot: TEST },
      to: {
        path: "^src/(modules|web|protocol|cli)/|^src/(app|main)\\.ts$",
      },
    },
    {
      name: "protocol-stays-below-modules",
      severity: "error",
      comment:
        "src/protocol (profiles as data and their engine) imports no module, web page or app; " +
        "the modules import the protocol.",
      from: { path: "^src/protocol/", pathNot: TEST },
      to: { path: "^src/(modules|web|cli)/|^src/(app|main)\\.ts$" },
    },
    {
      name: "modules-stay-below-web",
      severity: "error",
      comment:
        "src/modules import neither the web pages, the app, nor the command line: pages call " +
        "services, never the reverse.",
      from: { path: "^src/modules/", pathNot: TEST },
      to: { path: "^src/(web|cli)/|^src/(app|main)\\.ts$" },
    },
    {
      name: "no-foreign-repository",
      severity: "error",
      comment:
        "SQL lives only in a module's own repository: a module never imports another module's " +
        "repository.ts (or repository/). Ask the other module's service or ports.ts instead.",
      from: { path: "^src/modules/([^/]+)/", pathNot: TEST },
      to: {
        path: "^src/modules/[^/]+/(repository\\.ts$|repository/)",
        pathNot: "^src/modules/$1/",
      },
    },
    {
      name: "no-foreign-tables",
      severity: "error",
      comment:
        "A module never imports another module's tables.ts, with one exception: a tables.ts may " +
        "import another module's tables.ts to declare a foreign key to it.",
      from: { path: "^src/modules/([^/]+)/", pathNot: [TEST, "^src/modules/[^/]+/tables\\.ts$"] },
      to: {
        path: "^src/modules/[^/]+/tables\\.ts$",
        pathNot: "^src/modules/$1/",
      },
    },
    {
      name: "modules-meet-through-ports",
      severity: "error",
      comment:
        "A module uses another module only through what that module offers others: its " +
        "ports.ts (the calls and types other modules may use) and its schemas.ts (shared " +
        "shapes), or, for a foreign key, its tables.ts (see no-foreign-tables). matching is a " +
        "library of pure functions with no service, so it is used directly. The composition " +
        "root (src/modules/index.ts, jobs.ts) wires the concrete services.",
      from: { path: "^src/modules/([^/]+)/", pathNot: TEST },
      to: {
        path: "^src/modules/[^/]+/",
        pathNot: [
          "^src/modules/$1/",
          "^src/modules/[^/]+/(ports|schemas|tables)\\.ts$",
          "^src/modules/matching/",
        ],
      },
    },
    {
      name: "register-does-not-import-arrears",
      severity: "error",
      comment:
        "Vroegsignalering never feeds the register (design.md §2.8; docs/vroegsignalering.md): " +
        "no register module imports the arrears module.",
      from: { path: `^src/modules/${REGISTER}/`, pathNot: TEST },
      to: { path: "^src/modules/arrears/" },
    },
    {
      name: "arrears-does-not-import-register",
      severity: "error",
      comment:
        "Vroegsignalering never feeds the register (design.md §2.8): the arrears module imports " +
        "no register module — except the shared Person/Address schemas in " +
        "registrations/schemas.ts, which describe a person the same way in both.",
      from: { path: "^src/modules/arrears/", pathNot: TEST },
      to: {
        path: `^src/modules/${REGISTER}/`,
        pathNot: "^src/modules/registrations/schemas\\.ts$",
      },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment:
        "Every import resolves: an import the tool cannot follow is one it cannot check either.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
