import type { Socket } from 'node:net';

/**
 * aedes has no packet size limit: mqtt-packet buffers a PUBLISH of up to 256 MiB before anyone sees it.
 * This follows the MQTT framing on the raw socket (fixed header byte, then the Remaining Length varint
 * [MQTT-2.2.3]) and destroys the connection as soon as a header announces more than `maxBytes`, before the
 * body arrives.
 */
export function guardPacketSize(socket: Socket, maxBytes: number, onViolation: (announced: number) => void): void {
  let remaining = 0; // body bytes still to skip in the current packet
  let header = false; // inside the fixed header's length varint
  let length = 0;
  let multiplier = 1;
  let lengthBytes = 0;

  socket.on('data', (chunk: Buffer) => {
    let i = 0;
    while (i < chunk.length) {
      if (remaining > 0) {
        const skip = Math.min(remaining, chunk.length - i);
        remaining -= skip;
        i += skip;
        continue;
      }
      if (!header) {
        header = true; // byte i is the packet type and flags
        length = 0;
        multiplier = 1;
        lengthBytes = 0;
        i++;
        continue;
      }
      const byte = chunk[i++]!;
      length += (byte & 0x7f) * multiplier;
      multiplier *= 128;
      lengthBytes++;
      if (byte & 0x80 && lengthBytes < 4) continue;
      header = false;
      if (length > maxBytes || byte & 0x80) {
        onViolation(length);
        socket.destroy();
        return;
      }
      remaining = length;
    }
  });
}
