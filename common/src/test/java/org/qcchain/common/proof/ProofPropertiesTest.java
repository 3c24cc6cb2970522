package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Properties over many random records and batches, each run from a fixed seed so a failure can be
 * replayed: honest proofs verify, and every kind of change is rejected with its own reason.
 */
class ProofPropertiesTest {

    private static final int BATCHES = 40;

    /** A random batch, committed and built, with one random disclosure per record. */
    private record Batch(List<CommittedRecord> records, MerkleTree tree, List<Disclosure> disclosures) {

        static Batch random(CryptoSuite suite, Random random) {
            RecordCommitter committer = RecordCommitter.create(suite, SaltSource.derived(suite, Fixtures.bytes(random, 32)));
            int size = 1 + random.nextInt(random.nextBoolean() ? 8 : 300);
            List<CommittedRecord> records = new ArrayList<>();
            MerkleTree.Builder builder = MerkleTree.builder(suite);
            List<Disclosure> disclosures = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                CommittedRecord record = committer.commit(Fixtures.randomRecord(random, 12));
                records.add(record);
                builder.add(record);
                disclosures.add(record.disclose(randomSubset(random, record.commitments().keySet())));
            }
            return new Batch(records, builder.build(), disclosures);
        }
    }

    private static Set<String> randomSubset(Random random, Set<String> fields) {
        Set<String> subset = new HashSet<>();
        for (String field : fields) {
            if (random.nextBoolean()) {
                subset.add(field);
            }
        }
        return subset;
    }

    private static ProofFailure failure(CryptoSuite suite, Disclosure d, InclusionProof proof, BatchRoot batch) {
        ProofException e = catchThrowableOfType(ProofException.class,
                () -> ProofVerifier.forSuite(suite).verify(d, proof, batch));
        return e == null ? null : e.reason();
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void every_disclosure_of_every_record_of_random_batches_verifies(CryptoSuite suite) throws ProofException {
        Random random = new Random(20261125L + suite.ordinal());
        ProofVerifier verifier = ProofVerifier.forSuite(suite);
        for (int b = 0; b < BATCHES; b++) {
            Batch batch = Batch.random(suite, random);
            for (int i = 0; i < batch.records().size(); i++) {
                verifier.verify(batch.disclosures().get(i), batch.tree().inclusionProof(i), batch.tree().batchRoot());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void random_records_commit_to_the_same_root_twice_and_to_distinct_roots_apart(CryptoSuite suite) {
        Random random = new Random(77);
        RecordCommitter committer = RecordCommitter.create(suite, SaltSource.derived(suite, Fixtures.key(5)));
        Set<String> roots = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            DataRecord record = Fixtures.randomRecord(random, 20);
            String root = committer.commit(record).rootHex();

            assertThat(committer.commit(record).rootHex()).isEqualTo(root);
            assertThat(roots.add(root)).as("root of %s is new", record).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void every_kind_of_change_is_rejected_with_its_own_reason(CryptoSuite suite) {
        Random random = new Random(4242L + suite.ordinal());
        int checked = 0;
        for (int b = 0; b < BATCHES; b++) {
            Batch batch = Batch.random(suite, random);
            int index = random.nextInt(batch.records().size());
            Disclosure d = batch.disclosures().get(index);
            InclusionProof proof = batch.tree().inclusionProof(index);
            BatchRoot root = batch.tree().batchRoot();
            for (Mutation mutation : Mutation.values()) {
                Case mutated = mutation.apply(suite, random, d, proof, batch);
                if (mutated == null) {
                    continue;   // not applicable here, e.g. no disclosed field to change
                }
                assertThat(failure(suite, mutated.disclosure(), mutated.proof(), root))
                        .as("%s on batch %d, index %d", mutation, b, index)
                        .isEqualTo(mutation.reason);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(BATCHES * 8);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void no_single_character_change_to_the_json_of_a_proof_goes_unnoticed(CryptoSuite suite) throws ProofException {
        Random random = new Random(99L + suite.ordinal());
        String alphabet = "0123456789abcdefABCDEF\"{}[],:-+ .eE/=nulltrue";
        for (int b = 0; b < 10; b++) {
            Batch batch = Batch.random(suite, random);
            int index = random.nextInt(batch.records().size());
            String disclosure = batch.disclosures().get(index).toJson();
            String proof = batch.tree().inclusionProof(index).toJson();
            for (int attempt = 0; attempt < 200; attempt++) {
                boolean inDisclosure = random.nextBoolean();
                String json = inDisclosure ? disclosure : proof;
                int at = random.nextInt(json.length());
                char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
                if (json.charAt(at) == replacement) {
                    continue;
                }
                String changed = json.substring(0, at) + replacement + json.substring(at + 1);
                String d = inDisclosure ? changed : disclosure;
                String p = inDisclosure ? proof : changed;

                ProofException e = catchThrowableOfType(ProofException.class, () -> ProofVerifier.forSuite(suite)
                        .verify(Disclosure.fromJson(d), InclusionProof.fromJson(p), batch.tree().batchRoot()));
                assertThat(e).as("changed %s at %d to '%s'", inDisclosure ? "disclosure" : "proof", at, replacement)
                        .isNotNull();
            }
        }
    }

    private record Case(Disclosure disclosure, InclusionProof proof) {}

    /** One change each; {@code apply} returns {@code null} where the change does not apply. */
    private enum Mutation {
        CHANGED_VALUE(ProofFailure.FIELD_COMMITMENT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                String field = anyOpened(random, d);
                if (field == null) {
                    return null;
                }
                JsonNode value = d.openings().get(field).value();
                JsonNode other = value.isTextual()
                        ? JsonNodeFactory.instance.textNode(value.asText() + "x")
                        : JsonNodeFactory.instance.textNode(value.toString());
                return new Case(Tamper.value(d, field, other), p);
            }
        },
        WRONG_SALT(ProofFailure.FIELD_COMMITMENT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                String field = anyOpened(random, d);
                return field == null ? null : new Case(Tamper.salt(d, field,
                        Base64.getEncoder().encodeToString(Fixtures.bytes(random, 32))), p);
            }
        },
        SWAPPED_VALUES(ProofFailure.FIELD_COMMITMENT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                List<String> opened = new ArrayList<>(d.openings().keySet());
                for (int i = 0; i < opened.size(); i++) {
                    for (int j = i + 1; j < opened.size(); j++) {
                        Disclosure.Opening a = d.openings().get(opened.get(i));
                        Disclosure.Opening c = d.openings().get(opened.get(j));
                        if (!a.value().equals(c.value())) {
                            String first = opened.get(i);
                            String second = opened.get(j);
                            return new Case(Tamper.openings(d, o -> {
                                o.put(first, new Disclosure.Opening(a.salt(), c.value()));
                                o.put(second, new Disclosure.Opening(c.salt(), a.value()));
                            }), p);
                        }
                    }
                }
                return null;
            }
        },
        RENAMED_FIELD(ProofFailure.FIELD_NOT_COMMITTED) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                String field = anyOpened(random, d);
                String renamed = "renamed" + field;
                return field == null || d.commitments().containsKey(renamed) ? null
                        : new Case(Tamper.openings(d, o -> o.put(renamed, o.remove(field))), p);
            }
        },
        CHANGED_HIDDEN_COMMITMENT(ProofFailure.RECORD_ROOT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                List<String> hidden = new ArrayList<>(d.commitments().keySet());
                hidden.removeAll(d.openings().keySet());
                if (hidden.isEmpty()) {
                    return null;
                }
                String field = hidden.get(random.nextInt(hidden.size()));
                return new Case(Tamper.commitments(d, c -> c.put(field, Tamper.flip(c.get(field)))), p);
            }
        },
        CHANGED_VERSION(ProofFailure.RECORD_ROOT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                return new Case(Tamper.version(d, d.version() + 1), p);
            }
        },
        RESEALED_FORGERY(ProofFailure.MERKLE_ROOT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                Case changed = CHANGED_VALUE.apply(suite, random, d, p, batch);
                return changed == null ? null : new Case(Tamper.reseal(suite, changed.disclosure()), p);
            }
        },
        CHANGED_PATH_ELEMENT(ProofFailure.MERKLE_ROOT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                if (p.path().isEmpty()) {
                    return null;
                }
                int at = random.nextInt(p.path().size());
                return new Case(d, Tamper.path(p, path -> path.set(at, Tamper.flip(path.get(at)))));
            }
        },
        SHORTENED_PATH(ProofFailure.MERKLE_PATH_INVALID) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                return p.path().isEmpty() ? null : new Case(d, Tamper.path(p, path -> path.remove(path.size() - 1)));
            }
        },
        LENGTHENED_PATH(ProofFailure.MERKLE_PATH_INVALID) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                return new Case(d, Tamper.path(p, path -> path.add(batch.tree().rootHex())));
            }
        },
        PROOF_OF_ANOTHER_RECORD(ProofFailure.MERKLE_ROOT_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                int size = batch.records().size();
                if (size == 1) {
                    return null;
                }
                // a genuine proof of a neighbour: right length for its index, wrong leaf for ours
                int other = (int) ((p.leafIndex() + 1 + random.nextInt(size - 1)) % size);
                return new Case(d, batch.tree().inclusionProof(other));
            }
        },
        INDEX_OUT_OF_TREE(ProofFailure.MERKLE_PATH_INVALID) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                return new Case(d, Tamper.position(p, p.treeSize() + random.nextInt(3), p.treeSize()));
            }
        },
        WRONG_TREE_SIZE(ProofFailure.MERKLE_TREE_SIZE_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                return new Case(d, Tamper.position(p, p.leafIndex(), p.treeSize() + 1 + random.nextInt(5)));
            }
        },
        OTHER_SUITE(ProofFailure.SUITE_MISMATCH) {
            @Override
            Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch) {
                return random.nextBoolean()
                        ? new Case(Tamper.suite(d, Tamper.other(suite)), p)
                        : new Case(d, Tamper.suite(p, Tamper.other(suite)));
            }
        };

        final ProofFailure reason;

        Mutation(ProofFailure reason) {
            this.reason = reason;
        }

        abstract Case apply(CryptoSuite suite, Random random, Disclosure d, InclusionProof p, Batch batch);

        static String anyOpened(Random random, Disclosure d) {
            List<String> opened = new ArrayList<>(d.openings().keySet());
            return opened.isEmpty() ? null : opened.get(random.nextInt(opened.size()));
        }
    }
}
