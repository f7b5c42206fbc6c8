// What a socket.io connection passes before it exists: its page's Origin (same origin by default,
// INTERLOCK_ALLOWED_ORIGINS for others) and an allowance of new connections per address; and the
// security headers on socket.io's own HTTP answers.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server } from 'socket.io';
import { originAllowed, withSecurityHeaders } from './headers';
import { Allowances, clientAddress, type BucketRule } from './limits';

export interface IoGuardOptions {
  allowedOrigins: readonly string[];
  connections: BucketRule;
  trustProxy: boolean;
}

export function handshakeCheck(opts: IoGuardOptions) {
  const allowance = new Allowances(opts.connections);
  return (req: IncomingMessage, done: (err: string | null | undefined, success: boolean) => void) => {
    if (!originAllowed(req.headers, opts.allowedOrigins))
      return done('this page may not open a room connection (its Origin is not allowed)', false);
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], opts.trustProxy);
    if (!allowance.take(address)) return done('too many new connections from this address: wait a little', false);
    done(null, true);
  };
}

/**
 * TCP connections per address, counted as they are accepted: a script opening connections in a
 * loop is dropped before any HTTP is parsed (a refused handshake still costs a parse). Off behind
 * a proxy, where every connection comes from the proxy.
 */
export function limitTcpConnections(http: HttpServer, rule: BucketRule, trustProxy: boolean) {
  if (trustProxy) return;
  const allowance = new Allowances(rule);
  http.on('connection', (socket) => {
    if (!allowance.take(clientAddress(socket.remoteAddress, undefined, false))) socket.destroy();
  });
}

export function secureIoHeaders(io: Server) {
  const add = (headers: Record<string, string>) => withSecurityHeaders(headers);
  io.engine.on('initial_headers', add);
  io.engine.on('headers', add);
}
