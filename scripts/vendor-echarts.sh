#!/usr/bin/env bash
# Vendors ECharts from the npm registry into publish/assets, where go:embed
# puts it in the binary (reports and pages work offline, with no CDN).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-5.6.0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "echarts@$version" >/dev/null && tar xzf "echarts-$version.tgz")
cp "$tmp/package/dist/echarts.min.js" publish/assets/echarts.min.js
cp "$tmp/package/i18n/langKO.js" publish/assets/echarts-langKO.js # Korean month and tool names
cp "$tmp/package/LICENSE" publish/assets/ECHARTS-LICENSE
cp "$tmp/package/NOTICE" publish/assets/ECHARTS-NOTICE
echo "$version" > publish/assets/ECHARTS-VERSION
echo "vendored echarts $version"
