/**
 * Provider record stores: each source unit's records, versioned, committed with per-field salted
 * commitments and anchored in batches on the ledger. {@link org.qcchain.node.store.ProviderStores}
 * opens one H2 database per provider; {@link org.qcchain.node.store.RecordImporter} loads rows from
 * a {@link org.qcchain.node.store.SourceAdapter}, commits them, builds the batch tree, signs the
 * anchor statement as the provider and anchors it. The sources: {@link
 * org.qcchain.node.store.JdbcSource} reads a source unit's own database in place (a query, or a
 * {@link org.qcchain.node.store.JdbcMapping} of a table), {@link org.qcchain.node.store.CsvSource}
 * and {@link org.qcchain.node.store.NdjsonSource} read export files, {@link
 * org.qcchain.node.store.JsonRecordSource} one uploaded record. {@link
 * org.qcchain.node.store.RecordUploads} serves the HTTP uploads in two steps: rows stored as records
 * waiting for an anchor (all of an upload or none), then anchored in batches. Inside a
 * {@link org.qcchain.node.store.ProviderStore}, {@code StoreDatabase} runs each unit of work in a
 * transaction, {@code StoreSchema} makes the tables, {@code RecordRows}, {@code BatchRows} and
 * {@code PendingRows} hold the SQL of each table, and {@code SaltKey} keeps the provider's salt key;
 * {@code RecordMaker} turns a row into a record the same way for imports and uploads, its record id
 * from the row's sequence or text key ({@code RecordKeys}).
 *
 * <p>Why one database per provider rather than one with a provider column: a source unit's data
 * stays in files of its own, which can be backed up, moved to the unit's own machine, handed back
 * or deleted without touching another unit's; and no query of the node can return another
 * provider's rows by a missing {@code WHERE provider = ?}.
 */
package org.qcchain.node.store;
