/**
 * An output that could not be written after the run started (ENOSPC, EACCES, EROFS…). Paths
 * are checked before a run starts (`output-paths.ts`, an InputError then); this is what is left:
 * the disk filling up or permissions changing mid-run. The CLI prints one line and exits 4.
 */
export class OutputError extends Error {
  override readonly name = "OutputError";
}

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOENT: "the folder no longer exists",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ERR_FS_EISDIR: "it is a folder",
  EIO: "input/output error",
  EMFILE: "too many open files",
  ENAMETOOLONG: "a name in the path is too long",
  ELOOP: "too many symbolic links",
};

/** "ENOSPC (no space left on the device)" for an fs error, its message otherwise. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return REASONS[code] ? `${code} (${REASONS[code]})` : code;
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
