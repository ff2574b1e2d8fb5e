// Who is answering a delivery, and whether they still can. Backend-neutral: every store records the
// owner of a claimed delivery and asks this module whether an unfinished claim may be taken over.
//
// A claim is taken over when its owner is gone — on this host: its process no longer exists (known at
// once after a kill -9), or it is a store of this process that was closed — or when its lease ran out
// (an owner on another host, or a reused pid).
import os from 'node:os';
import { randomBytes } from 'node:crypto';

/** An unfinished claim older than this is taken over whatever its owner: no reply takes longer. */
export const DEFAULT_DELIVERY_LEASE_MS = 5 * 60_000;

/** Owners of the stores open in this process. */
const LIVE_HERE = new Set<string>();

/** A new owner id for a store opened in this process: host, pid and a random part (a reused pid is another owner). */
export function newOwner(): string {
  const owner = `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  LIVE_HERE.add(owner);
  return owner;
}

/** The store that used this owner id was closed: its unfinished claims may be taken over. */
export function ownerClosed(owner: string): void {
  LIVE_HERE.delete(owner);
}

/** False when the owner is known to be gone; true when it may still be answering (then the lease decides). */
export function ownerMayBeAlive(owner: string): boolean {
  const [host, pidText] = owner.split('/');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return LIVE_HERE.has(owner);
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
}

/** An unfinished claim (no `doneAt`) by another owner that is gone, or whose lease ran out, may be taken over at `at`. */
export function mayTakeOver(claim: { owner: string | null; at: number; doneAt: number | null }, me: string, at: number, leaseMs: number): boolean {
  if (claim.owner === null || claim.doneAt !== null || claim.owner === me) return false;
  return !ownerMayBeAlive(claim.owner) || claim.at <= at - leaseMs;
}
