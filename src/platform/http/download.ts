import type { FastifyReply } from "fastify";

/** Answers a file to save rather than show: its media type, the name it is saved under, its content. */
export function sendDownload(
  reply: FastifyReply,
  type: string,
  fileName: string,
  content: string | Buffer,
) {
  return reply
    .type(type)
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .send(content);
}
