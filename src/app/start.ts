// `npm start`: with GitHub App credentials in the environment, the real App (server.ts); without
// them, the local demo (demo.ts). MODEL_APPROVAL_DEMO_EXIT=1 or --once ends the demo after its flow.
const CREDENTIALS = ["APP_ID", "PRIVATE_KEY", "PRIVATE_KEY_PATH"];

// npm runs the script through `sh -c`, and a signal sent to npm alone ends that shell but not this
// process, which would keep its ports. Under npm, a parent that went away stops us as SIGTERM does.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
  }, 250).unref();
}

if (CREDENTIALS.some((name) => process.env[name]?.trim())) {
  // Loaded at run time from next to this file (build/app/server.js), so the demo's code and the
  // server's start-up checks stay apart.
  const server = new URL("./server.js", import.meta.url).href;
  await import(server);
} else {
  const { runDemo } = await import("./demo.js");
  const once = process.argv.includes("--once") || process.env.MODEL_APPROVAL_DEMO_EXIT === "1";
  process.exitCode = await runDemo({
    once,
    githubPort: Number(process.env.LOCAL_GITHUB_PORT || 0),
    appPort: Number(process.env.PORT || 0),
  });
}
