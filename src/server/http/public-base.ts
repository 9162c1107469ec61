import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

/**
 * The base of links that leave the app (QR codes at the counter, PDFs, e-mails, Open311 media URLs):
 * PAMONG_PUBLIC_URL when set, otherwise the host the request came in on. Printed links must use the configured
 * one, or a QR made from an internal address would not open for the public.
 */
export function publicBase(config: Config, request: FastifyRequest): string {
  return (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}
