import type { DemoInstance } from '../demo/demo-instance';
import type { CallHandlers } from './dispatcher';

export function createDemoHandlers(deps: { demo: DemoInstance }): Pick<CallHandlers, 'demo.start'> {
  return { 'demo.start': () => deps.demo.start() };
}
