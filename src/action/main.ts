import { readRunnerEnvironment } from "./env.js";
import { runAction } from "./run.js";

process.exitCode = await runAction(readRunnerEnvironment(process.env));
