package org.uepdeid.jobs.aggregate;

import org.apache.spark.sql.types.DataType;

/** One column of a published product as its manifest declares it: a name and a Spark SQL type ({@code bigint}, ...). */
record PublishedColumn(String name, String type) {

    PublishedColumn(String name, DataType type) {
        this(name, type.simpleString());
    }
}
