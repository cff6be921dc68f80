#!/usr/bin/env bash
# Renders a day's report in headless Chromium and saves the whole page as a PNG, for a person to look at:
#   scripts/screenshot-report.sh DATA_ROOT DATE [OUT.png]        default OUT: ./report-DATE.png
# The report is DATA_ROOT/reports/dt=DATE/report.html (write it with: scripts/uep-deid report --date DATE).
# Needs Chromium (Debian package chromium; CHROMIUM=/path/to/chrome to use another) and java. Chromium's command
# line only captures its window, so the window is taller than any report and java trims the empty bottom.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 DATA_ROOT DATE [OUT.png]" >&2
  exit 2
fi
date="$2"
if ! [[ "$date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
  echo "DATE must be YYYY-MM-DD, got \"$date\"" >&2
  exit 2
fi
if [ ! -d "$1" ]; then
  echo "DATA_ROOT $1 is not a folder" >&2
  exit 2
fi
report="$(cd "$1" && pwd)/reports/dt=$date/report.html"
if [ ! -f "$report" ]; then
  echo "$report does not exist; run first: scripts/uep-deid report --data-root $1 --date $date" >&2
  exit 2
fi
out="${3:-report-$date.png}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "$chromium not found: apt-get install chromium, or set CHROMIUM" >&2
  exit 2
fi

width=1200
height=16000   # taller than any report; trimmed below
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# No network, no profile of the user's: the report needs neither, and a screenshot must not depend on them.
if ! "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --force-device-scale-factor=1 --user-data-dir="$work/profile" --window-size="$width,$height" \
    --screenshot="$work/page.png" "file://$report" >"$work/chromium.log" 2>&1 || [ ! -s "$work/page.png" ]; then
  cat "$work/chromium.log" >&2
  echo "chromium could not render $report" >&2
  exit 3
fi

cat >"$work/TrimPage.java" <<'JAVA'
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Cuts the page's empty bottom: the rows below the last one that differs from the page background. */
public class TrimPage {
    public static void main(String[] args) throws Exception {
        BufferedImage page = ImageIO.read(new File(args[0]));
        int background = page.getRGB(0, 0);
        int last = page.getHeight() - 1;
        while (last > 0 && blank(page, last, background)) {
            last--;
        }
        if (last == page.getHeight() - 1) {
            System.err.println("warning: the report is taller than " + page.getHeight() + " px; the picture is cut");
        }
        int height = Math.min(page.getHeight(), last + 1 + 24);
        ImageIO.write(page.getSubimage(0, 0, page.getWidth(), height), "png", new File(args[1]));
    }

    private static boolean blank(BufferedImage page, int y, int background) {
        for (int x = 0; x < page.getWidth(); x++) {
            if (page.getRGB(x, y) != background) {
                return false;
            }
        }
        return true;
    }
}
JAVA
java -Djava.awt.headless=true "$work/TrimPage.java" "$work/page.png" "$out"
echo "$out"
