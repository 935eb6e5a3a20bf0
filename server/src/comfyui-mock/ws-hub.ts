// The /ws?clientId= connections, keyed by client id as server.py keeps them: a reconnect with the same
// id replaces the old socket, messages go to one client id or (without one) to everybody.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';

export class WsHub {
  private readonly sockets = new Map<string, WebSocket>();

  /** Registers a socket; returns its session id (the given clientId, or a fresh one like ComfyUI's). */
  add(socket: WebSocket, clientId: string | undefined): string {
    const sid = clientId || randomUUID().replaceAll('-', '');
    this.sockets.set(sid, socket);
    socket.on('close', () => {
      // Only forget the id if a newer connection has not taken it over meanwhile.
      if (this.sockets.get(sid) === socket) this.sockets.delete(sid);
    });
    // Errors on a client socket (a reset peer) must not take the mock down; close follows.
    socket.on('error', () => {});
    return sid;
  }

  /** Sends `{type, data}` to one client id, or to every client when `sid` is undefined. */
  send(type: string, data: unknown, sid?: string): void {
    const message = JSON.stringify({ type, data });
    const one = sid === undefined ? undefined : this.sockets.get(sid);
    const targets = sid === undefined ? [...this.sockets.values()] : one ? [one] : [];
    for (const socket of targets) {
      if (socket.readyState === socket.OPEN) socket.send(message);
    }
  }

  /** Cuts every connection without a closing handshake, as a crashed server or a broken network would. */
  dropAll(): void {
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
  }

  size(): number {
    return this.sockets.size;
  }
}
