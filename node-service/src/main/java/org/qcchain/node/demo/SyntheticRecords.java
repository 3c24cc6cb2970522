package org.qcchain.node.demo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.qcchain.node.store.SourceRow;

/**
 * Deterministic synthetic rows: the same seed gives the same rows on every machine. Row {@code i}
 * of a dataset belongs to citizen {@code i mod subjects} with sequence {@code i / subjects}, so
 * every citizen has a row in every dataset and some have several.
 */
public final class SyntheticRecords {

    private static final String[] BRANDS = {"红旗", "比亚迪", "吉利", "长城", "大众", "丰田"};
    private static final String[] OFFENCES = {"SPEEDING", "RED_LIGHT", "ILLEGAL_PARKING", "NO_SEATBELT"};
    private static final String[] EMPLOYERS = {"山东重工", "浪潮集团", "济南二机床", "齐鲁制药", "鲁商集团"};
    private static final String[] DISTRICTS = {"历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区"};
    private static final String[] DEPARTMENTS = {"内科", "外科", "儿科", "骨科", "眼科"};

    private SyntheticRecords() {}

    /**
     * The resident id of citizen {@code index}: 18 characters shaped like a PRC resident id.
     *
     * @param index the citizen
     * @return the identifier (made up; never a real person's)
     */
    public static String residentId(int index) {
        return String.format("370102%08d%04d", 19600101 + (index % 40) * 10000 + (index % 12) * 100, index % 10000);
    }

    /**
     * The rows of one dataset.
     *
     * @param datasetId a dataset of {@link DemoCatalogue}
     * @param rows how many
     * @param subjects how many citizens they are spread over
     * @param seed the seed
     * @return the rows, generated lazily
     */
    public static Iterator<SourceRow> rows(String datasetId, int rows, int subjects, long seed) {
        Random random = new Random(seed ^ datasetId.hashCode());
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows;
            }

            @Override
            public SourceRow next() {
                if (next >= rows) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new SourceRow("RESIDENT_ID", residentId(i % subjects), i / subjects,
                        fields(datasetId, i, random));
            }
        };
    }

    private static Map<String, Object> fields(String datasetId, int i, Random r) {
        Map<String, Object> f = new LinkedHashMap<>();
        LocalDate day = LocalDate.of(2025, 12, 31).minusDays(r.nextInt(3000));
        switch (datasetId) {
            case DemoCatalogue.VEHICLES -> {
                f.put("plate", String.format("鲁A%05d", i % 100000));
                f.put("brand", pick(BRANDS, r));
                f.put("usage", r.nextInt(10) == 0 ? "COMMERCIAL" : "PRIVATE");
                f.put("registeredOn", day.toString());
                f.put("status", r.nextInt(20) == 0 ? "SCRAPPED" : "NORMAL");
            }
            case DemoCatalogue.VIOLATIONS -> {
                f.put("date", day.toString());
                f.put("offence", pick(OFFENCES, r));
                f.put("points", (long) r.nextInt(7));
                f.put("fine", (long) (50 + 50 * r.nextInt(40)));
                f.put("dishonestListed", r.nextInt(50) == 0);
            }
            case DemoCatalogue.SOCIAL_INSURANCE -> {
                f.put("employer", pick(EMPLOYERS, r));
                f.put("monthsPaid", (long) r.nextInt(360));
                f.put("baseSalary", String.format("%d.00", 4000 + r.nextInt(20000)));
                f.put("status", r.nextInt(15) == 0 ? "SUSPENDED" : "ACTIVE");
            }
            case DemoCatalogue.PROVIDENT_FUND -> {
                f.put("employer", pick(EMPLOYERS, r));
                f.put("monthlyDeposit", String.format("%d.00", 300 + r.nextInt(3000)));
                f.put("monthsPaid", (long) r.nextInt(360));
                f.put("status", r.nextInt(15) == 0 ? "SEALED" : "ACTIVE");
            }
            case DemoCatalogue.REAL_ESTATE -> {
                f.put("district", pick(DISTRICTS, r));
                f.put("area", String.format("%d.%02d", 40 + r.nextInt(160), r.nextInt(100)));
                f.put("use", r.nextInt(8) == 0 ? "COMMERCIAL" : "RESIDENTIAL");
                f.put("mortgaged", r.nextBoolean());
            }
            case DemoCatalogue.BUSINESS -> {
                f.put("companyName", "济南示范企业" + (i % 5000) + "有限公司");
                f.put("role", r.nextBoolean() ? "LEGAL_REPRESENTATIVE" : "SHAREHOLDER");
                f.put("registeredCapital", String.format("%d0000.00", 10 + r.nextInt(990)));
                f.put("status", r.nextInt(10) == 0 ? "DEREGISTERED" : "ACTIVE");
            }
            case DemoCatalogue.HOSPITAL -> {
                f.put("date", day.toString());
                f.put("department", pick(DEPARTMENTS, r));
                f.put("diagnosisCode", String.format("J%02d.%d", r.nextInt(99), r.nextInt(10)));
                f.put("amount", String.format("%d.%02d", 50 + r.nextInt(20000), r.nextInt(100)));
                f.put("insuredAmount", String.format("%d.00", r.nextInt(5000)));
            }
            default -> throw new IllegalArgumentException("no generator for " + datasetId);
        }
        return f;
    }

    private static String pick(String[] values, Random r) {
        return values[r.nextInt(values.length)];
    }
}
