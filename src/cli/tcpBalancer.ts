// A round-robin TCP balancer on loopback, standing in for the proxy of a school (nginx, HAProxy) in
// the cluster test and benchmark: each new connection goes to the next process, with no
// stickiness; a process that refuses the connection (it died) is skipped.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpBalancer {
  private next = 0;
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  port = 0;
  /** Connections passed to each process (by port). */
  readonly counts = new Map<number, number>();

  constructor(readonly backends: number[]) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<this> {
    this.server = createServer((client) => this.pass(client, 0));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  private pass(client: Socket, tries: number) {
    if (tries === 0) {
      this.open.add(client);
      client.on('close', () => this.open.delete(client));
    }
    if (tries >= this.backends.length) return client.destroy();
    const port = this.backends[this.next++ % this.backends.length];
    // From the client's own loopback address, so each process still sees one address per laptop.
    const from = client.remoteAddress?.replace(/^::ffff:/, '');
    const upstream = connect({ port: port ?? 0, host: '127.0.0.1', ...(from?.startsWith('127.') ? { localAddress: from } : {}) });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      // Small messages leave at once, as with nginx's tcp_nodelay (on by default): without it a
      // write can wait for the acknowledgement of the one before it (Nagle's algorithm).
      client.setNoDelay(true);
      upstream.setNoDelay(true);
      this.counts.set(port ?? 0, (this.counts.get(port ?? 0) ?? 0) + 1);
      this.open.add(client);
      this.open.add(upstream);
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.open.delete(client);
        this.open.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    upstream.once('error', () => {
      if (!connected) this.pass(client, tries + 1);
    });
  }

  close(): Promise<void> {
    for (const s of this.open) s.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
