# Drain3 (logpai/Drain3, the Python template miner users would pick instead) on the messages bench/miner.mjs wrote:
# one message per line, headers already removed, so only mining is timed. Configured as Drain3's example
# drain3.ini (sim_th 0.4, depth 4, masks for IPs, hex, numbers) without a cluster cap. Prints one JSON object:
# lines, cpuSeconds (process time of the mining loop), clusters, peakRssKb.
import json
import resource
import sys
import time

from drain3 import TemplateMiner
from drain3.masking import MaskingInstruction
from drain3.template_miner_config import TemplateMinerConfig

config = TemplateMinerConfig()
config.drain_sim_th = 0.4
config.drain_depth = 4
config.drain_max_children = 100
config.drain_max_clusters = None
config.drain_extra_delimiters = ["_"]
config.profiling_enabled = False
config.masking_instructions = [
    MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})((?=[^A-Za-z0-9])|$)", "IP"),
    MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)([0-9a-f]{6,} ?){3,}((?=[^A-Za-z0-9])|$)", "SEQ"),
    MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)(0x[a-f0-9A-F]+)((?=[^A-Za-z0-9])|$)", "HEX"),
    MaskingInstruction(r"((?<=[^A-Za-z0-9])|^)([\-\+]?\d+)((?=[^A-Za-z0-9])|$)", "NUM"),
]
miner = TemplateMiner(config=config)

with open(sys.argv[1], encoding="utf-8") as f:
    messages = f.read().split("\n")
if messages and messages[-1] == "":
    messages.pop()

start = time.process_time()
for message in messages:
    miner.add_log_message(message)
seconds = time.process_time() - start
print(json.dumps({
    "lines": len(messages),
    "cpuSeconds": seconds,
    "clusters": len(miner.drain.clusters),
    "peakRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
