package io.aftercare.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Looks for strings in every column of every table of the public schema that can hold text (text, varchar, char,
 * arrays of them, JSON), so a test can show that nothing of a person is left anywhere, including tables added later.
 */
public final class TextColumnScan {

    private static final String TEXT_COLUMNS = """
            SELECT c.table_name, c.column_name
              FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.udt_name IN ('text', 'varchar', 'bpchar', '_text', '_varchar', 'json', 'jsonb')
             ORDER BY c.table_name, c.column_name
            """;

    private TextColumnScan() {}

    /** @return {@code table.column: needle} for each column holding one of the needles, in any case */
    public static List<String> find(DataSource dataSource, String... needles) {
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(TEXT_COLUMNS);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            if (columns.size() < 10) {
                throw new IllegalStateException(
                        "Found only " + columns.size() + " text columns: is this the service's database?");
            }
            List<String> found = new ArrayList<>();
            for (String[] column : columns) {
                for (String needle : needles) {
                    String sql = "SELECT count(*) FROM \"%s\" WHERE strpos(lower(CAST(\"%s\" AS text)), lower(?)) > 0"
                            .formatted(column[0], column[1]);
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setString(1, needle);
                        try (ResultSet count = statement.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + ": " + needle);
                            }
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
