package gridperf.notebook;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.logging.LogManager;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its own {@code MainApp} does, minus a start-up race: its
 * {@code Channels.connect} binds the shell socket before it creates the message-handler map, so a
 * {@code kernel_info_request} that arrives in between (Jupyter sends them at once, and on a busy
 * machine the gap is long) throws a NullPointerException that kills the shell thread, and the
 * client waits for a kernel that never answers. Setting an empty map first turns that early request
 * into an "unhandled message" the client simply repeats.
 *
 * <p>Reflection only (no other gridperf class, no compile dependency on the kernel): {@link
 * KernelSpec} copies this one class next to the kernel spec and runs {@code java -cp <that
 * dir>:<kernel jar> gridperf.notebook.KernelMain <connection file>}.
 */
public final class KernelMain {
  private static final String PKG = "org.rapaio.jupyter.kernel.";

  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: KernelMain CONNECTION_FILE");
    }
    Class<?> app = Class.forName(PKG + "MainApp");
    try (InputStream logging = app.getClassLoader().getResourceAsStream("logging.properties")) {
      if (logging != null) {
        LogManager.getLogManager().readConfiguration(logging);
      }
    }
    Path file = Path.of(args[0]);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("connection file not found: " + file);
    }
    Class<?> propsType = Class.forName(PKG + "core.ConnectionProperties");
    Object props =
        Class.forName(PKG + "core.Transform")
            .getMethod("fromJson", String.class, Class.class)
            .invoke(null, Files.readString(file), propsType);
    Class<?> channelsType = Class.forName(PKG + "channels.Channels");
    Object channels = channelsType.getConstructor(propsType).newInstance(props);
    Field handlers = channelsType.getDeclaredField("handlers");
    handlers.setAccessible(true);
    handlers.set(channels, new HashMap<>());
    Object kernel = app.getField("kernel").get(null);
    channelsType.getMethod("connect", kernel.getClass()).invoke(channels, kernel);
    channelsType.getMethod("joinUntilClose").invoke(channels);
  }
}
