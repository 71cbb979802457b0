import type { RequestTimings } from '../../../shared/requests/request-records';
import type { StageTimings, TransportResponse } from '../transport';

/** Headers as rows for the viewer; a repeated header becomes one row per value. */
export function headerRows(
  headers: TransportResponse['headers'],
): { name: string; value: string }[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((one) => ({ name, value: one })),
  );
}

/** The transport's stage timings in the viewer's words; a reused connection has no set-up stages. */
export function requestTimings(timings: StageTimings): RequestTimings {
  return {
    totalMs: timings.total,
    ...(timings.reused
      ? {}
      : { dnsMs: timings.dns, connectMs: timings.connect, tlsMs: timings.tls }),
    firstByteMs: timings.firstByte,
    downloadMs: timings.download,
  };
}
