/**
 * Serial-port transport for uc15mail: {@link io.github.uc15mail.serial.SerialTransport} connects the AT engine
 * in {@code uc15mail-core} to a Quectel module of the UC15 family (UC15, EC25, EG25-G, …) over USB
 * ({@code /dev/ttyUSB2}) or a UART, through jSerialComm.
 *
 * <p>The public API is this package only: {@code SerialTransport}, {@code SerialOptions},
 * {@code SerialPortException}, {@code ModemPorts} (a transport from the port strings the CLI takes:
 * {@code /dev/ttyUSB2}, {@code COM7}, {@code tcp:HOST:PORT}), and the discovery helpers {@code SerialPorts},
 * {@code SerialPortInfo} and {@code ModemUsbId} (a USB id is a hint; the module's answer to {@code ATI} decides
 * which module it is).
 * Everything under {@code io.github.uc15mail.serial.internal} may change without notice.
 */
package io.github.uc15mail.serial;
