// A folder chosen through the browser's folder picker (File System Access, in Chromium): its files
// are listed a few hundred at a time and each opened only when its turn comes. A folder chosen
// through <input webkitdirectory> makes the browser create every file's File at once, in one task
// that froze the page for over a second with 2,000 files, and each File's size then costs a
// synchronous look at the disk (ADR 0016). Browsers without the picker keep the input.

/** A file of the folder, not opened yet. */
export type FileHandle = { kind: "file"; name: string; getFile(): Promise<File> };
type FolderHandle = { kind: "directory"; name: string; values(): AsyncIterable<FileHandle | FolderHandle> };
type ShowDirectoryPicker = (options?: { mode?: "read"; id?: string }) => Promise<FolderHandle>;

/** How many files are handed over at once while a folder is listed. */
const LISTED_AT_ONCE = 200;

/** The browser's folder picker, or null where it has none (the folder input then stays in use). */
export function folderPicker(): ShowDirectoryPicker | null {
  const picker = (window as unknown as { showDirectoryPicker?: ShowDirectoryPicker }).showDirectoryPicker;
  return typeof picker === "function" ? picker.bind(window) : null;
}

/** Every file in the folder and its subfolders (as the folder input gives them), handed to `onFiles` a few hundred at a time. */
async function listFolder(folder: FolderHandle, onFiles: (files: FileHandle[]) => void): Promise<void> {
  const found: FileHandle[] = [];
  const walk = async (directory: FolderHandle): Promise<void> => {
    for await (const entry of directory.values()) {
      if (entry.kind === "directory") await walk(entry);
      else if (found.push(entry) >= LISTED_AT_ONCE) {
        onFiles(found.splice(0));
        // Lets the page draw between two handfuls of a very large folder.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  };
  await walk(folder);
  if (found.length > 0) onFiles(found);
}

/** Chooses a folder with the picker and lists it; nothing happens when the person closes the picker. */
export async function pickFolder(picker: ShowDirectoryPicker, onFiles: (files: FileHandle[]) => void): Promise<void> {
  let folder: FolderHandle;
  try {
    folder = await picker({ mode: "read", id: "claimwork-import" });
  } catch {
    return; // closed without choosing (AbortError), or refused by the browser
  }
  await listFolder(folder, onFiles);
}
