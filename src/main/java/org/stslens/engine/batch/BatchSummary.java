package org.stslens.engine.batch;

/**
 * The counts of a batch run.
 *
 * @param checked domains with a report
 * @param withErrors of those, reports with at least one error finding
 * @param failed checks that broke inside STS Lens
 * @param skipped lines that held no domain name
 * @param cancelled the run was cancelled before the list was done
 */
public record BatchSummary(
    int checked, int withErrors, int failed, int skipped, boolean cancelled) {}
