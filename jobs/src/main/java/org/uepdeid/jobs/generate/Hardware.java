package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.util.List;

/** A device's hardware as the profile reports it; fixed for the device's life. */
record Hardware(BoardModel board, String boardSerial, String biosVendor, String biosVersion, LocalDate biosDate,
                String biosSerial, CpuModel cpu, int memoryMb, List<Disk> disks, List<Partition> partitions,
                List<Nic> nics) {
}
