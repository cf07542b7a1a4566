package com.expat.search.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcCpu} over a {@code /proc} laid out as Linux lays it out, in a temporary directory: the
 * listening socket found by port in either table, its owner by the fd links, the CPU of the process
 * and of its compiler threads in ticks of 10 ms.
 */
class ProcCpuTest {
  private static final String TCP_HEADING =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

  @Test
  void theProcessListeningOnAPortIsFoundByItsSocket_andAnEstablishedConnectionOnThatPortIsNot(@TempDir Path proc)
      throws IOException {
    // port 18301 = 0x477D: a client's connection to it (state 01) in tcp, the listener (0A) in tcp6
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/tcp"), TCP_HEADING
        + "   0: 0100007F:477D 0100007F:D0A2 01 00000000:00000000 00:00000000 00000000     0        0 555 1 0 20 4 30 10 -1\n"
        + "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0 100 0 0 10 0\n");
    Files.writeString(proc.resolve("net/tcp6"), TCP_HEADING
        + "   0: 00000000000000000000000000000000:477D 00000000000000000000000000000000:0000 0A 00000000:00000000"
        + " 00:00000000 00000000     0        0 4242 1 0 100 0 0 10 0\n");
    process(proc, 31, "socket:[555]", "/dev/null");
    process(proc, 4711, "pipe:[9]", "socket:[4242]");

    assertThat(ProcCpu.listeningOn(proc, 18301)).hasValueSatisfying(cpu -> assertThat(cpu.pid()).isEqualTo(4711));
    assertThat(ProcCpu.listeningOn(proc, 8080)).as("a listener no process holds").isEmpty();
    assertThat(ProcCpu.listeningOn(proc, 9999)).as("nobody listens").isEmpty();
  }

  @Test
  void aReadingIsTheProcesssUserAndSystemTicks_andItsCompilerThreadsTicksAreWhatTheJitSpent(@TempDir Path proc)
      throws IOException {
    Path process = proc.resolve("4711");
    // a command name with spaces and parentheses: the fields are counted from the last ')'
    Files.createDirectories(process);
    Files.writeString(process.resolve("stat"), stat("java (a) b", 1234, 566));
    thread(process, 4712, "JettyServerThre", 1000, 200);
    thread(process, 4713, "C2 CompilerThre", 300, 20);
    thread(process, 4714, "C1 CompilerThre", 40, 2);

    ProcessCpu.Reading reading = new ProcCpu(proc, 4711).read();

    assertThat(reading.cpu()).isEqualTo(Duration.ofMillis(18_000));
    assertThat(reading.compiling()).hasValue(Duration.ofMillis(3_620));
  }

  @Test
  void aStatLineWithTooFewFieldsIsRefusedByName() {
    assertThatThrownBy(() -> ProcCpu.ticks("12 (java) S 1 2")).hasMessageContaining("not a /proc stat line");
  }

  private static void process(Path proc, long pid, String... links) throws IOException {
    Path fd = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("fd"));
    for (int i = 0; i < links.length; i++) {
      Files.createSymbolicLink(fd.resolve(Integer.toString(i)), Path.of(links[i]));
    }
  }

  private static void thread(Path process, long tid, String name, long utime, long stime) throws IOException {
    Path task = Files.createDirectories(process.resolve("task").resolve(Long.toString(tid)));
    Files.writeString(task.resolve("comm"), name + "\n");
    Files.writeString(task.resolve("stat"), stat(name, utime, stime));
  }

  /** A stat line as Linux writes it: utime and stime are the 14th and 15th fields. */
  private static String stat(String name, long utime, long stime) {
    return "4711 (" + name + ") S 1 4711 4711 0 -1 4194560 100 0 0 0 " + utime + " " + stime
        + " 0 0 20 0 41 0 1000 3000000000 200000 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 17 1 0 0\n";
  }
}
