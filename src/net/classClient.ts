// The page's connection for classes: the teacher's set-up and dashboard, and a student's written
// work. Its own socket.io connection (a student's game goes over the room's); loaded only when a
// class is used.
import { io, type Socket } from 'socket.io-client';
import type { ClassToClient, ClassToServer } from './classProtocol';
import type { Ack } from './protocol';

const OPTIONS = { transports: ['polling', 'websocket'], reconnectionDelay: 500, reconnectionDelayMax: 3000 };
const ACK_TIMEOUT_MS = 10_000;

export class ClassClient {
  private readonly socket: Socket<ClassToClient, ClassToServer>;

  constructor(url?: string) {
    this.socket = url ? io(url, OPTIONS) : io(OPTIONS);
  }

  /** Sends one message and waits for its answer; no answer in time is an 'unavailable' refusal. */
  async call<T extends object = object>(event: keyof ClassToServer, data: unknown): Promise<Ack<T>> {
    try {
      const timed = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(e: string, d: unknown): Promise<Ack<T>> };
      return await timed.emitWithAck(event, data);
    } catch {
      return { ok: false, code: 'unavailable', reason: 'the server did not answer: check the connection and try again' };
    }
  }

  onUpdate(fn: Parameters<ClassToClient['class.update']>[0] extends infer M ? (m: M) => void : never) {
    this.socket.on('class.update', fn);
  }

  /** Called after every reconnection (the dashboard asks to watch again). */
  onReconnect(fn: () => void) {
    this.socket.io.on('reconnect', fn);
  }

  close() {
    this.socket.close();
  }
}
