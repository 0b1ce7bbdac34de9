import { describe, expect, it } from "vitest";
import { parseBackupArguments } from "./backup-database";
import { HelpRequested } from "./command-line";
import { parseRestoreArguments } from "./restore-database";

describe("db:backup arguments", () => {
  it("take an optional --out file", () => {
    expect(parseBackupArguments([])).toEqual({});
    expect(parseBackupArguments(["--out", "backups/today.dump"])).toEqual({ out: "backups/today.dump" });
    expect(parseBackupArguments(["-o", " x.dump "])).toEqual({ out: "x.dump" });
  });

  it("are refused in one line that ends with the usage", () => {
    const usage = "(usage: npm run db:backup [-- --out <file>])";
    expect(() => parseBackupArguments(["today.dump"])).toThrow(`db:backup takes no file name without --out ${usage}`);
    expect(() => parseBackupArguments(["--out", " "])).toThrow(`--out needs a file name ${usage}`);
    expect(() => parseBackupArguments(["--out"])).toThrow(`Option '-o, --out <value>' argument missing ${usage}`);
    expect(() => parseBackupArguments(["--force"])).toThrow(/^Unknown option '--force'.*\(usage: npm run db:backup/);
    expect(() => parseBackupArguments(["--out"])).not.toThrow(/\n/);
  });

  it("answer --help with the usage", () => {
    expect(() => parseBackupArguments(["--help"])).toThrow(HelpRequested);
  });
});

describe("db:restore arguments", () => {
  it("take exactly one backup file", () => {
    expect(parseRestoreArguments(["backups/x.dump"])).toEqual({ file: "backups/x.dump" });
    const usage = "(usage: npm run db:restore -- <backup file>)";
    expect(() => parseRestoreArguments([])).toThrow(`name the backup file to restore ${usage}`);
    expect(() => parseRestoreArguments(["a.dump", "b.dump"])).toThrow(`db:restore takes one backup file ${usage}`);
    expect(() => parseRestoreArguments([""])).toThrow(`the backup file name is empty ${usage}`);
    expect(() => parseRestoreArguments(["--into", "x"])).toThrow(/^Unknown option '--into'/);
  });
});
