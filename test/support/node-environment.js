// jest's node environment, with one change: its vm context keeps an ordinary global object.
// jest-environment-node contextifies a Proxy of the global (to delete what tests set on it), and
// in such a context every lookup of a global (Object, Array, Number, JSON…) goes through V8's
// interceptor and the Proxy's traps: about 200 ns, against about 1 ns in Node's own context. Code
// under test (Octokit, the App, the local GitHub, the readers of large files) looks globals up in
// its hot paths: a model-based test file took 12.2 s with jest's context and 10.6 s with this one.
// Node's vm.constants.DONT_CONTEXTIFY makes a context whose global is ordinary; a Node without it
// gets jest's own.
// What jest's Proxy did, forgetting what a test file set on the global, the fresh context of
// every test file still does.
import vm from "node:vm";
import { TestEnvironment } from "jest-environment-node";

export default class NodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    const { createContext } = vm;
    if (vm.constants?.DONT_CONTEXTIFY === undefined) {
      super(config, context);
      return;
    }
    vm.createContext = () => createContext(vm.constants.DONT_CONTEXTIFY);
    try {
      super(config, context);
    } finally {
      vm.createContext = createContext;
    }
  }
}
