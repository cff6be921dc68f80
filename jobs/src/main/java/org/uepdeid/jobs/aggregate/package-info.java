/**
 * The aggregate job: statistics safe to share with affiliates (privacy policy Part I §3.2), one folder per product
 * under {@code published/stats/<product>/dt=D}, each a single Parquet file beside its {@code _manifest.json}.
 *
 * <table>
 *   <caption>Products and their published columns (labels are strings; counts and sums bigint unless noted)</caption>
 *   <tr><th>product</th><th>read from</th><th>columns</th></tr>
 *   <tr><td>os_adoption</td><td>staging/classes</td><td>os_version, edition, region, devices</td></tr>
 *   <tr><td>hardware_landscape</td><td>staging/classes</td>
 *       <td>cpu_family, memory_mb, disk_total_gb, devices</td></tr>
 *   <tr><td>app_usage</td><td>app_session events</td>
 *       <td>app_id, app_version, devices, sessions, usage_minutes (double, one decimal)</td></tr>
 *   <tr><td>login_patterns</td><td>login events</td>
 *       <td>weekday (Monday..Sunday), hour_of_day ("00".."23"), devices, logins; local time of each event</td></tr>
 *   <tr><td>download_sources</td><td>download events</td><td>source, devices, downloads</td></tr>
 *   <tr><td>settings_popularity</td><td>staging/profiles</td>
 *       <td>setting (theme, power_mode, launcher_mode, sound_theme, wallpaper_category, dock.*, hot_corners.*,
 *       mouse.*), value, devices</td></tr>
 *   <tr><td>boards_and_bios</td><td>staging/profiles</td><td>board_vendor, bios_vendor, bios_year, devices</td></tr>
 *   <tr><td>storage_layout</td><td>staging/profiles</td>
 *       <td>partition_count, file_systems (distinct, sorted, comma-joined), devices</td></tr>
 *   <tr><td>network_cards</td><td>staging/profiles</td>
 *       <td>nic_vendors (distinct, sorted, comma-joined), devices</td></tr>
 *   <tr><td>kernel_versions</td><td>staging/profiles</td><td>kernel, devices</td></tr>
 *   <tr><td>update_recency</td><td>device_profile events</td>
 *       <td>os_version, days_since_update (0-7, 8-30, 31-90, 91-365, &gt;365; * unknown), devices</td></tr>
 * </table>
 *
 * <p>Under differential privacy ({@code aggregates.privacy}) {@code NoisyCells} replaces the threshold below: every
 * measure noisy, a device in at most L0 cells, the public cells of a domain published whole (weekday × hour, the
 * download sources, the cells of the configured vocabularies, values outside them counted under {@code other}, the
 * labels of the day's class levels) and
 * any other cell through partition selection; manifests then state {@code privacy.differential_privacy}.
 *
 * <p>The promise of exact statistics ({@code mechanism: none}), kept by {@code CellSuppression} for every product
 * alike:
 * <ul>
 *   <li>{@code devices} counts distinct devices; a cell is published only if it is at least {@code min_devices};</li>
 *   <li>each device adds at most the configured bound to a cell's sum ({@code aggregates} in the config);</li>
 *   <li>no total rows are published, and within each margin (the whole product; each setting for
 *       settings_popularity) the unpublished cells are none, or at least two holding at least {@code min_devices}
 *       distinct devices, withholding the smallest published cell when needed, so subtraction reveals nothing
 *       below the threshold;</li>
 *   <li>labels come from the anonymized classes (products 1-2) or are event and setting values that only reach a
 *       cell through the threshold; {@code *} stands for unknown, unset, generalized away or suppressed. No
 *       pseudonym, identifier or free text is a column.</li>
 * </ul>
 *
 * <p>Each manifest adds to the contract keys: {@code product}, {@code description}, {@code dimensions},
 * {@code schema} (name and Spark SQL type of every published column, for {@code verify}), and under
 * {@code privacy}: {@code min_devices}, {@code contribution_bounds}, {@code complementary_suppression} and the
 * counts of published and suppressed cells. It never states the devices of suppressed cells: the manifest is
 * published, and that figure could single out a margin's one suppressed cell.
 */
package org.uepdeid.jobs.aggregate;
