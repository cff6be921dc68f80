package org.uepdeid.jobs.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.uepdeid.jobs.ipregion.IpRegionTable;

/**
 * Everything a device's telemetry is a pure function of, besides its index and the day: the seed, the
 * shares, the bad-line share, the catalogues and the IP table. Shipped to executors with the tasks.
 */
record Population(long seed, Shares shares, double badShare, Catalogues catalogues, IpRegionTable ipRegions)
        implements Serializable {

    /** The planned days of the devices with these indexes, lazily and in order. */
    Stream<DeviceDay> deviceDays(LocalDate day, Iterator<Long> deviceIndexes) {
        DeviceSampler devices = new DeviceSampler(this);
        DayPlanner planner = new DayPlanner(this);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(deviceIndexes, Spliterator.ORDERED), false)
                .map(index -> planner.plan(devices.sample(index), day));
    }
}
