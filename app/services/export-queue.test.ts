import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { createExportQueue, releaseWhenClosed } from "./exports.server";

describe("export queue", () => {
  it("runs up to its limit, queues the next ones and refuses beyond the queue limit", async () => {
    const queue = createExportQueue(2, 1);
    const first = await queue.enter();
    const second = await queue.enter();
    expect(first).toBeTypeOf("function");
    expect(second).toBeTypeOf("function");
    expect(queue.running).toBe(2);

    const third = queue.enter();
    expect(queue.waiting).toBe(1);
    expect(await queue.enter()).toBeNull();

    first!();
    const release = await third;
    expect(release).toBeTypeOf("function");
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(0);

    // Releasing twice frees one slot only.
    second!();
    second!();
    expect(queue.running).toBe(1);
    const fourth = await queue.enter();
    const fifth = queue.enter();
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(1);
    release!();
    fourth!();
    (await fifth)!();
    expect(queue.running).toBe(0);
  });
});

describe("releaseWhenClosed", () => {
  const setUp = () => {
    const queue = createExportQueue(1, 0);
    const body = new PassThrough();
    const controller = new AbortController();
    return { queue, body, controller };
  };

  it("releases the slot when the body has been read to its end", async () => {
    const { queue, body, controller } = setUp();
    releaseWhenClosed(body, controller.signal, (await queue.enter())!);
    expect(await queue.enter()).toBeNull();
    body.end("data");
    body.resume();
    await vi.waitFor(() => expect(queue.running).toBe(0));
  });

  it("releases the slot when writing the body fails", async () => {
    const { queue, body, controller } = setUp();
    releaseWhenClosed(body, controller.signal, (await queue.enter())!);
    body.write("part");
    body.destroy(new Error("zip failed"));
    await vi.waitFor(() => expect(queue.running).toBe(0));
  });

  it("destroys the body and releases the slot when the client goes away", async () => {
    const { queue, body, controller } = setUp();
    releaseWhenClosed(body, controller.signal, (await queue.enter())!);
    body.write("never read");
    controller.abort();
    expect(body.destroyed).toBe(true);
    await vi.waitFor(() => expect(queue.running).toBe(0));
  });

  it("destroys a body nobody reads to its end in time, and releases the slot", async () => {
    vi.useFakeTimers();
    try {
      const { queue, body, controller } = setUp();
      releaseWhenClosed(body, controller.signal, (await queue.enter())!, 60_000);
      body.on("error", () => {});
      body.write("read by nobody");
      vi.advanceTimersByTime(59_999);
      expect(body.destroyed).toBe(false);
      vi.advanceTimersByTime(1);
      expect(body.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives the slot back at once for a client that left while waiting", async () => {
    const { queue, body, controller } = setUp();
    controller.abort();
    releaseWhenClosed(body, controller.signal, (await queue.enter())!);
    expect(body.destroyed).toBe(true);
    await vi.waitFor(() => expect(queue.running).toBe(0));
  });
});
