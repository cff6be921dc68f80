package org.uepdeid.jobs.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The personal data issue 8 probed with, which neither ingest nor verify caught before: value to its kind. */
public final class PlantedPersonalData {

    public static final Map<String, String> VARIANTS = variants();

    private PlantedPersonalData() {
    }

    private static Map<String, String> variants() {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("+8613812345678", "mobile");
        variants.put("008613912345678", "mobile");
        variants.put("137-1234-5678", "mobile");
        variants.put("136 1234 5678", "mobile");
        variants.put("１３５１２３４５６７８", "mobile");
        variants.put("010-62345678", "landline");
        variants.put("001A2B3C4D5E", "mac");
        variants.put("00_1A_2B_3C_4D_5F", "mac");
        variants.put("00.1a.2b.3c.4d.60", "mac");
        variants.put("192.168.001.005", "ipv4");
        variants.put("110105491231002", "resident_id");
        variants.put("11010519491231002Xabc", "resident_id");
        variants.put("li.lei＠example.com", "email");
        variants.put("/home/admin-wangqiang/bin/vpn.sh", "home_path");
        variants.put("C:\\Users\\wangqiang\\vpn.bat", "home_path");
        variants.put("6222021234567890128", "card");
        variants.put("4111 1111 1111 1111", "card");
        return Collections.unmodifiableMap(variants);
    }
}
