// Whether a file is a TensorBoard event file, by its name alone: known without loading the event
// reader (protobufjs and its Event schema), which the Action and the CLI load only when they read one.
const EVENT_FILE = /(^|[\\/])events\.out\.tfevents\.[^\\/]*$/;

export function isTensorboardEventFile(fileName: string): boolean {
  return EVENT_FILE.test(fileName);
}
