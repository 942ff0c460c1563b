package gridperf.job;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words. Java's file-system exceptions often carry only the path as
 * their message ({@code NoSuchFileException: /x/y}), which makes "gridperf export: /x/y" a reason
 * that names the file but not the problem.
 */
public final class IoReasons {
  private IoReasons() {}

  /**
   * The message of {@code e}, with what is wrong added when it is a file-system exception that says
   * only which file: "/x/y: no such file or directory".
   */
  public static String message(Throwable e) {
    String msg = e.getMessage();
    if (!pathOnly(e)) {
      return msg;
    }
    return (msg == null || msg.isBlank() ? "" : msg + ": ") + reason(e);
  }

  /**
   * What is wrong, without the path, for a caller that names the file itself: "no such file or
   * directory" for a file-system exception that says only which file, else the message.
   */
  public static String reason(Throwable e) {
    if (!pathOnly(e)) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    } else if (e instanceof NotDirectoryException) {
      return "not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    return "cannot be accessed (" + e.getClass().getSimpleName() + ")";
  }

  private static boolean pathOnly(Throwable e) {
    return e instanceof FileSystemException fse && fse.getReason() == null;
  }
}
