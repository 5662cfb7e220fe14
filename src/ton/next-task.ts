interface TaskScheduler {
  yield?: () => Promise<void>;
}

/**
 * Resolves in a later task, so that what runs after the await does not lengthen the task that is running now: a
 * chain answer's parse then starts in a task of its own instead of the one that received the bytes. `scheduler.yield`
 * where the browser has it (its continuation runs before other queued tasks), else a MessageChannel message.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close(); // an open port would keep Node's event loop alive
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
