#!/usr/bin/env python3
"""The SimPy peer for the engine benchmark: the classic hold model. N processes each wait an
exponentially distributed delay and then schedule one more wait, until `events` have fired.
Prints the number of events, the elapsed wall time and the process's CPU time as JSON."""
import json
import random
import sys
import time

import simpy


def main(pending, events, seed):
    env = simpy.Environment()
    rng = random.Random(seed)
    fired = [0]

    def holder():
        while fired[0] < events:
            yield env.timeout(rng.expovariate(1.0))
            fired[0] += 1

    for _ in range(pending):
        env.process(holder())
    start = time.perf_counter()
    start_cpu = time.process_time()
    env.run()
    cpu = time.process_time() - start_cpu
    elapsed = time.perf_counter() - start
    print(json.dumps({"events": fired[0], "seconds": elapsed, "cpuSeconds": cpu, "eventsPerSecond": fired[0] / elapsed}))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
