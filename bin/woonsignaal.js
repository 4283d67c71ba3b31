#!/usr/bin/env node
// The `woonsignaal` command from a checkout (npm link, npx in the project). See D-008.
import { main } from "../src/main.ts";

process.exitCode = await main(process.argv.slice(2));
