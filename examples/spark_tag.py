#!/usr/bin/env python3
"""Tag a JSON Lines file of articles with gazetag on Apache Spark.

The tagger binary is a line-in, line-out filter (one output record per input
line, in order, nothing else on stdout), so Spark runs it unchanged with
`rdd.pipe(...)`: one tagger process per partition, fed that partition's
lines. The output keeps the input's order: partitions stay in order and the
filter keeps the order within each.

Local mode needs only `pip install pyspark` and Java 17:

    cargo build --release --example tag_articles
    python3 examples/spark_tag.py articles.jsonl tagged.jsonl
    python3 examples/spark_tag.py articles.jsonl tagged_dir/ --partitions 16

An output path ending in `.jsonl` gets one file, in input order; any other
path gets a directory of `part-NNNNN` files (Spark's `saveAsTextFile`), in
order when read by name.

On a cluster, ship the binary to the executors and run it from their
working directory (it must be built for the executors' platform):

    spark-submit --files target/release/examples/tag_articles \\
        examples/spark_tag.py hdfs:///in.jsonl hdfs:///out/ --bin ./tag_articles

Hadoop Streaming runs the same binary as a mapper:
`-mapper "tag_articles --quiet" -numReduceTasks 0`.
"""

import argparse
import json
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def default_binary():
    """The release `tag_articles` example if built, else `jsonl_filter`."""
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    for profile in ("release", "debug"):
        for name in ("tag_articles", "jsonl_filter"):
            path = os.path.join(target, profile, "examples", name)
            if os.access(path, os.X_OK):
                return path
    return None


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines file: one {id, text, title?} per line")
    p.add_argument("output", help="output .jsonl file, or a directory")
    p.add_argument("--bin", default=None, help="the tagger binary (default: built example)")
    p.add_argument("--args", default="--quiet", help="arguments for the binary (default: --quiet)")
    p.add_argument("--partitions", type=int, default=4, help="minimum number of partitions")
    p.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    p.add_argument(
        "--check",
        action="store_true",
        help="check that every output line has the id of its input line",
    )
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    binary = args.bin or default_binary()
    if binary is None:
        sys.exit("spark_tag: no tagger binary: build one with "
                 "`cargo build --release --example tag_articles` or pass --bin")
    command = " ".join([shlex.quote(binary), args.args]).strip()

    # The Python workers must be this Python, with the same pyspark.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if args.master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster(args.master)
        .setAppName("gazetag")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        # checkCode: a tagger that fails fails the job.
        tagged = lines.pipe(command, checkCode=True)
        if args.check:
            tagged = tagged.cache()
            # zip needs the same number of lines in every partition: it fails
            # if the filter ever dropped or added a line.
            bad = (
                lines.zip(tagged)
                .filter(lambda p: json.loads(p[0]).get("id") != json.loads(p[1]).get("id"))
                .count()
            )
            if bad:
                sys.exit("spark_tag: %d output lines do not match their input's id" % bad)
        if args.output.endswith(".jsonl"):
            with open(args.output, "w", encoding="utf-8") as out:
                # toLocalIterator walks the partitions in order.
                for line in tagged.toLocalIterator():
                    out.write(line)
                    out.write("\n")
        else:
            tagged.saveAsTextFile(args.output)
        print(
            "spark_tag: %s -> %s (%d partitions)"
            % (args.input, args.output, lines.getNumPartitions()),
            file=sys.stderr,
        )
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
