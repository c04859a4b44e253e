/**
 * Raised by `openDesk` when the data file cannot be used (not SQLite, corrupt, or another
 * application's database). The file is left untouched; the host shows `message` on an error screen.
 */
export class StartupError extends Error {
  readonly filePath: string;

  constructor(filePath: string, message: string) {
    super(message);
    this.name = 'StartupError';
    this.filePath = filePath;
  }
}
