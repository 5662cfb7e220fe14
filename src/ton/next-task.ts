import { reportCallbackError } from './report-callback-error';

interface TaskScheduler {
  yield?: () => Promise<void>;
}

/**
 * Runs callbacks in the next task, all those queued before it in one: a MessageChannel message, as React's own
 * scheduler uses, rather than a timer per callback.
 */
export function nextTaskScheduler(): (callback: () => void) => void {
  const queue: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    for (const callback of queue.splice(0)) {
      try {
        callback();
      } catch (error) {
        reportCallbackError(error); // one listener's failure must not drop the others queued with it
      }
    }
  };
  // In Node (tests), a port listening for messages would keep the process alive on its own.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (callback) => {
    queue.push(callback);
    if (queue.length === 1) channel.port2.postMessage(null);
  };
}

let sharedScheduler: ((callback: () => void) => void) | undefined;

/**
 * Resolves in a later task, so that what runs after the await does not lengthen the task that is running now: a
 * chain answer's parse then starts in a task of its own instead of the one that received the bytes. `scheduler.yield`
 * where the browser has it (its continuation runs before other queued tasks), else one shared next-task scheduler.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  sharedScheduler ??= nextTaskScheduler();
  return new Promise((resolve) => sharedScheduler!(resolve));
}
