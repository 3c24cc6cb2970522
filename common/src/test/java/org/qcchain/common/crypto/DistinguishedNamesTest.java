package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistinguishedNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CN=alice,O=Org1,C=CN        | CN=alice,O=Org1,C=CN",
        "CN=alice, O=Org1 ,C=CN      | CN=alice,O=Org1,C=CN",
        "cn=lower,o=x                | CN=lower,O=x",
        "CN=a\\,b,O=x                | CN=a\\,b,O=x",
        "CN=张三,O=国家数据局,C=CN       | CN=张三,O=国家数据局,C=CN",
        "CN=a+UID=b,O=x              | CN=a+UID=b,O=x"})
    void reads_and_prints_rfc_4514_as_the_jdk_does(String written, String printed) throws Exception {
        X500Name name = DistinguishedNames.parse(written);

        assertThat(DistinguishedNames.format(name)).isEqualTo(printed);
        assertThat(new X500Principal(name.getEncoded()).getName()).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a dn", "CN"})
    void rejects_what_is_not_a_distinguished_name(String written) {
        assertThatThrownBy(() -> DistinguishedNames.parse(written))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CN=alice,O=Org1 | alice", "O=Org1 | ''",
        "CN=outer,OU=x,CN=inner | outer"})
    void common_name_is_the_most_specific_one(String written, String commonName) {
        assertThat(DistinguishedNames.commonName(DistinguishedNames.parse(written)))
                .isEqualTo(commonName);
    }
}
