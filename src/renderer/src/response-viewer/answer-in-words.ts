import { formatDuration, formatSize } from '../../../shared/format/format-size';
import { describeHttpStatus } from '../../../shared/http-protocol/describe-http-status';

/** An answer in one line for people and screen readers: "200 OK, 2.3 KB, in 140 ms". */
export function answerInWords(status: number, sizeBytes: number, totalMs?: number): string {
  const { name } = describeHttpStatus(status);
  const time = totalMs === undefined ? '' : `, in ${formatDuration(totalMs)}`;
  return `${status} ${name}, ${formatSize(sizeBytes)}${time}`;
}
