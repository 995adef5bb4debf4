/** What one file input takes. */
export interface FileFieldRules {
  /** Largest file, in bytes. */
  maxBytes: number;
  /** Most files in one request. */
  maxFiles: number;
}

export interface MultipartLimits {
  /** The page's file inputs by name; a file sent under any other name refuses the request. */
  fileFields: Readonly<Record<string, FileFieldRules>>;
  /** Most text fields (the CSRF token is one). */
  maxFields: number;
  /** Largest text field, in bytes. */
  maxFieldBytes: number;
  /** Largest whole body; by default twice what the limits above allow, plus 1 MiB. */
  maxRequestBytes?: number;
}

/** The largest body worth reading: twice what the limits allow, plus 1 MiB for the parts' headers. */
export function defaultMaxRequestBytes(limits: MultipartLimits): number {
  const files = Object.values(limits.fileFields).reduce(
    (sum, f) => sum + f.maxBytes * f.maxFiles,
    0,
  );
  return 2 * (files + limits.maxFields * limits.maxFieldBytes) + 1024 * 1024;
}
