#!/usr/bin/env bash
#
# Runs the qcchain Fabric network natively on one host, from Fabric's release binaries: one Raft
# orderer and one peer for each of BureauMSP, SocialInsuranceMSP and BankMSP, the channel
# `datashare` (with CitizenAppMSP and AuditOfficeMSP as client-only members), and the qcchain
# chaincode as a service. Everything listens on 127.0.0.1 with TLS. See docs/fabric.md.

set -Eeuo pipefail

readonly HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly CHANNEL=datashare
readonly CC_NAME=qcchain
readonly CC_POLICY="OR('BureauMSP.peer','SocialInsuranceMSP.peer')"
readonly CC_SERVER_ADDRESS=127.0.0.1:9999
readonly DOMAIN=qcchain.example
readonly ORDERER_PORT=7050 ORDERER_ADMIN_PORT=7053 ORDERER_OPS_PORT=8443

# peer organisations: short name, MSP id, listen (and gossip) port, chaincode listener port,
# operations port. Client-only organisations (CitizenApp, AuditOffice) run no node.
readonly PEER_TABLE="
bureau          BureauMSP           7051 7052 9444
socialinsurance SocialInsuranceMSP  8051 8052 9445
bank            BankMSP             9051 9052 9446
"

usage() {
    cat <<EOF
Usage: network.sh [options] <command>

Commands:
  up       generate crypto material and the channel's genesis block, start the orderer and the
           peers, create the channel '$CHANNEL' and join every node; waits until the peers see
           each other through gossip
  deploy   package the chaincode as a service, start the chaincode server, install the package
           on every peer, approve it for every peer organisation and commit it (no --init-required:
           the platform is initialised with the normal transaction Organisations:init)
  down     stop every process started here and remove the generated files (logs are kept)
  status   show which processes run

Options:
  -w, --work DIR     working folder for crypto material, ledgers, pid files and logs
                     (default: \$QCCHAIN_NETWORK_WORK, else network-config/work)
  -j, --jar FILE     the chaincode's ccaas jar for deploy (default: \$QCCHAIN_CHAINCODE_JAR, else
                     chaincode/target/qcchain-chaincode-*-ccaas.jar next to network-config)
  -v, --version N    chaincode version for deploy, also its package label qcchain_N (default 1);
                     a new version is committed with the next sequence number
  -h, --help         show this help

Environment:
  FABRIC_BIN         folder with Fabric 2.5's peer, orderer, configtxgen, osnadmin and cryptogen
                     (required for up and deploy)
  JAVA               the java command for the chaincode server (default: java)

Ports (all on 127.0.0.1): orderer 7050 (admin 7053, operations 8443); peers 7051/8051/9051
(chaincode listener +1, operations 9444/9445/9446); chaincode server 9999.
EOF
}

die() {
    echo "network.sh: $*" >&2
    exit 1
}

log() {
    echo "[$(date +%H:%M:%S)] $*"
}

# ---------------------------------------------------------------- prerequisites and paths

require_fabric() {
    [[ -n "${FABRIC_BIN:-}" ]] || die "FABRIC_BIN is not set: point it at the folder that holds Fabric 2.5's" \
        "binaries (peer, orderer, configtxgen, osnadmin, cryptogen), e.g. the bin folder of a Fabric release"
    [[ -d "$FABRIC_BIN" ]] || die "FABRIC_BIN=$FABRIC_BIN is not a folder"
    local bin
    for bin in peer orderer configtxgen osnadmin cryptogen; do
        [[ -x "$FABRIC_BIN/$bin" ]] || die "$bin not found or not executable in FABRIC_BIN=$FABRIC_BIN"
    done
}

require_tool() {
    command -v "$1" >/dev/null 2>&1 || die "$1 is needed but not found on PATH${2:+ ($2)}"
}

set_paths() {
    mkdir -p "$WORK"
    WORK="$(cd "$WORK" && pwd)"
    ORGS="$WORK/organizations"
    CONFIG="$WORK/config"
    NODES="$WORK/nodes"
    LOGS="$WORK/logs"
    PIDS="$WORK/pids"
    ARTIFACTS="$WORK/channel-artifacts"
    CCDIR="$WORK/chaincode"
    BLOCK="$ARTIFACTS/$CHANNEL.block"
    ORDERER_HOME="$ORGS/ordererOrganizations/bureau.$DOMAIN/orderers/orderer0.bureau.$DOMAIN"
    ORDERER_CA="$ORDERER_HOME/tls/ca.crt"
    ORDERER_ARGS=(-o 127.0.0.1:$ORDERER_PORT --tls --cafile "$ORDERER_CA")
}

org_dir() { echo "$ORGS/peerOrganizations/$1.$DOMAIN"; }
peer_home() { echo "$(org_dir "$1")/peers/peer0.$1.$DOMAIN"; }

# ---------------------------------------------------------------- processes

# pid_alive NAME: true if the process in NAME's pid file runs and is still the command we started
# (a pid file that outlived a reboot may name someone else's process)
pid_alive() {
    local file="$PIDS/$1.pid" pid command
    [[ -f "$file" ]] || return 1
    { read -r pid && read -r command; } <"$file" || return 1
    kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "$command"
}

pid_of() {
    head -n 1 "$PIDS/$1.pid"
}

# start_process NAME COMMAND...: runs in the background, detached from our stdio, with a pid file
# holding the pid and the command
start_process() {
    local name="$1"
    shift
    mkdir -p "$LOGS" "$PIDS"
    "$@" </dev/null >"$LOGS/$name.log" 2>&1 &
    printf '%s\n%s\n' "$!" "$1" >"$PIDS/$name.pid"
}

# stop_process NAME...: TERM to each, then waits for all (10 s), then KILL for any left
stop_process() {
    local name pid i
    local -a alive=()
    for name in "$@"; do
        if pid_alive "$name"; then
            kill "$(pid_of "$name")" 2>/dev/null || true
            alive+=("$name")
        else
            rm -f "$PIDS/$name.pid"
        fi
    done
    for name in ${alive[@]+"${alive[@]}"}; do
        pid="$(pid_of "$name")"
        for i in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "$name did not stop on TERM; killing it"
            kill -9 "$pid" 2>/dev/null || true
        fi
        log "stopped $name (pid $pid)"
        rm -f "$PIDS/$name.pid"
    done
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every half second until it succeeds;
# fails after SECONDS (the description is for the reader)
wait_for() {
    local timeout="$1" deadline
    shift 2
    deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}

# listening_or_gone NAME PORT: true once the process listens on PORT, or has exited
listening_or_gone() {
    port_open "$2" || ! pid_alive "$1"
}

wait_for_port() {
    local name="$1" port="$2"
    if ! wait_for 60 "$name" listening_or_gone "$name" "$port" || ! pid_alive "$name"; then
        tail -n 30 "$LOGS/$name.log" >&2 || true
        die "$name did not start listening on 127.0.0.1:$port (log: $LOGS/$name.log)"
    fi
}

# ---------------------------------------------------------------- environment per node

orderer_env() {
    local tls="$ORDERER_HOME/tls"
    export FABRIC_CFG_PATH="$CONFIG"
    export ORDERER_GENERAL_LISTENADDRESS=127.0.0.1
    export ORDERER_GENERAL_LISTENPORT=$ORDERER_PORT
    export ORDERER_GENERAL_LOCALMSPID=BureauMSP
    export ORDERER_GENERAL_LOCALMSPDIR="$ORDERER_HOME/msp"
    export ORDERER_GENERAL_TLS_PRIVATEKEY="$tls/server.key"
    export ORDERER_GENERAL_TLS_CERTIFICATE="$tls/server.crt"
    export ORDERER_GENERAL_TLS_ROOTCAS="[$tls/ca.crt]"
    export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$tls/server.crt"
    export ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$tls/server.key"
    export ORDERER_GENERAL_CLUSTER_ROOTCAS="[$tls/ca.crt]"
    export ORDERER_FILELEDGER_LOCATION="$NODES/orderer0.bureau/data"
    export ORDERER_CONSENSUS_WALDIR="$NODES/orderer0.bureau/etcdraft/wal"
    export ORDERER_CONSENSUS_SNAPDIR="$NODES/orderer0.bureau/etcdraft/snapshot"
    export ORDERER_ADMIN_LISTENADDRESS=127.0.0.1:$ORDERER_ADMIN_PORT
    export ORDERER_ADMIN_TLS_CERTIFICATE="$tls/server.crt"
    export ORDERER_ADMIN_TLS_PRIVATEKEY="$tls/server.key"
    export ORDERER_ADMIN_TLS_ROOTCAS="[$tls/ca.crt]"
    export ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$tls/ca.crt]"
    export ORDERER_OPERATIONS_LISTENADDRESS=127.0.0.1:$ORDERER_OPS_PORT
    export ORDERER_OPERATIONS_TLS_CERTIFICATE="$tls/server.crt"
    export ORDERER_OPERATIONS_TLS_PRIVATEKEY="$tls/server.key"
}

# peer_node_env ORG MSP PORT CCPORT OPSPORT: what one peer process needs
peer_node_env() {
    local org="$1" msp="$2" port="$3" ccport="$4" opsport="$5" home
    home="$(peer_home "$org")"
    export FABRIC_CFG_PATH="$CONFIG"
    export CORE_PEER_ID="peer0.$org.$DOMAIN"
    export CORE_PEER_LOCALMSPID="$msp"
    export CORE_PEER_MSPCONFIGPATH="$home/msp"
    export CORE_PEER_LISTENADDRESS=127.0.0.1:$port
    export CORE_PEER_ADDRESS=127.0.0.1:$port
    export CORE_PEER_CHAINCODELISTENADDRESS=127.0.0.1:$ccport
    export CORE_PEER_CHAINCODEADDRESS=127.0.0.1:$ccport
    export CORE_PEER_GOSSIP_BOOTSTRAP=127.0.0.1:$port
    export CORE_PEER_GOSSIP_ENDPOINT=127.0.0.1:$port
    export CORE_PEER_GOSSIP_EXTERNALENDPOINT=127.0.0.1:$port
    export CORE_PEER_TLS_ENABLED=true
    export CORE_PEER_TLS_CERT_FILE="$home/tls/server.crt"
    export CORE_PEER_TLS_KEY_FILE="$home/tls/server.key"
    export CORE_PEER_TLS_ROOTCERT_FILE="$home/tls/ca.crt"
    export CORE_PEER_FILESYSTEMPATH="$NODES/peer0.$org/data"
    export CORE_LEDGER_SNAPSHOTS_ROOTDIR="$NODES/peer0.$org/snapshots"
    export CORE_OPERATIONS_LISTENADDRESS=127.0.0.1:$opsport
    export CORE_OPERATIONS_TLS_CERT_FILE="$home/tls/server.crt"
    export CORE_OPERATIONS_TLS_KEY_FILE="$home/tls/server.key"
    # /metrics wants a client certificate from the organisation's TLS CA (network.sh uses the admin's)
    export CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES="$home/tls/ca.crt"
}

# admin_env ORG MSP PORT: the peer CLI as the organisation's admin, talking to its peer
admin_env() {
    local org="$1" msp="$2" port="$3"
    export FABRIC_CFG_PATH="$CONFIG"
    export CORE_PEER_LOCALMSPID="$msp"
    export CORE_PEER_MSPCONFIGPATH="$(org_dir "$org")/users/Admin@$org.$DOMAIN/msp"
    export CORE_PEER_ADDRESS=127.0.0.1:$port
    export CORE_PEER_TLS_ENABLED=true
    export CORE_PEER_TLS_ROOTCERT_FILE="$(peer_home "$org")/tls/ca.crt"
}

# as_admin ORG COMMAND...: runs a peer CLI command as ORG's admin
as_admin() {
    local org="$1" name msp port ccport opsport
    shift
    while read -r name msp port ccport opsport; do
        [[ "$name" == "$org" ]] || continue
        (admin_env "$org" "$msp" "$port" && "$@")
        return
    done <<<"$PEER_TABLE"
    die "unknown peer organisation $org"
}

peer_rows() { grep -v '^[[:space:]]*$' <<<"$PEER_TABLE"; }

# ---------------------------------------------------------------- up

generate_crypto() {
    log "generating crypto material (cryptogen)"
    rm -rf "$ORGS"
    "$FABRIC_BIN/cryptogen" generate --config="$HERE/organizations/crypto-config.yaml" --output="$ORGS" >/dev/null
    # the orderer's identity from the Bureau's own CAs (see crypto-config-orderer.yaml)
    local bureau="$ORGS/ordererOrganizations/bureau.$DOMAIN"
    mkdir -p "$bureau"
    cp -R "$(org_dir bureau)/ca" "$(org_dir bureau)/tlsca" "$(org_dir bureau)/msp" "$bureau/"
    "$FABRIC_BIN/cryptogen" extend --config="$HERE/organizations/crypto-config-orderer.yaml" --input="$ORGS" >/dev/null
}

render_config() {
    mkdir -p "$CONFIG"
    local core
    core="$(<"$HERE/config/core.yaml")"
    printf '%s\n' "${core//@BUILDERS_DIR@/"$HERE/builders"}" >"$CONFIG/core.yaml"
    cp "$HERE/config/orderer.yaml" "$HERE/configtx/configtx.yaml" "$CONFIG/"
}

start_orderer() {
    log "starting orderer0.bureau on 127.0.0.1:$ORDERER_PORT (admin $ORDERER_ADMIN_PORT)"
    mkdir -p "$NODES/orderer0.bureau"
    (orderer_env && start_process orderer0.bureau "$FABRIC_BIN/orderer")
    wait_for_port orderer0.bureau "$ORDERER_ADMIN_PORT"
}

start_peers() {
    local org msp port ccport opsport
    while read -r org msp port ccport opsport; do
        log "starting peer0.$org ($msp) on 127.0.0.1:$port"
        mkdir -p "$NODES/peer0.$org"
        (peer_node_env "$org" "$msp" "$port" "$ccport" "$opsport" && start_process "peer0.$org" "$FABRIC_BIN/peer" node start)
    done < <(peer_rows)
    while read -r org msp port ccport opsport; do
        wait_for_port "peer0.$org" "$port"
    done < <(peer_rows)
}

osnadmin() {
    local admin="$(org_dir bureau)/users/Admin@bureau.$DOMAIN/tls"
    "$FABRIC_BIN/osnadmin" channel "$@" -o 127.0.0.1:$ORDERER_ADMIN_PORT --ca-file "$ORDERER_CA" \
        --client-cert "$admin/client.crt" --client-key "$admin/client.key"
}

orderer_has_leader() {
    osnadmin list --channelID "$CHANNEL" 2>/dev/null | tr -d ' \n' | grep -q '"status":"active"'
}

create_channel() {
    log "creating channel $CHANNEL (configtxgen genesis block, osnadmin join)"
    mkdir -p "$ARTIFACTS"
    "$FABRIC_BIN/configtxgen" -configPath "$CONFIG" -profile Datashare -channelID "$CHANNEL" \
        -outputBlock "$BLOCK" 2>"$LOGS/configtxgen.log" || {
        cat "$LOGS/configtxgen.log" >&2
        die "configtxgen failed"
    }
    osnadmin join --channelID "$CHANNEL" --config-block "$BLOCK" >"$LOGS/osnadmin.log" 2>&1 || {
        cat "$LOGS/osnadmin.log" >&2
        die "the orderer did not join $CHANNEL"
    }
    wait_for 60 "raft leader" orderer_has_leader || die "the orderer elected no Raft leader for $CHANNEL within 60 s"
}

peer_joined() {
    as_admin "$1" "$FABRIC_BIN/peer" channel getinfo -c "$CHANNEL"
}

join_peers() {
    local org msp port rest
    while read -r org msp port rest; do
        log "peer0.$org joins $CHANNEL"
        local tries=0
        until as_admin "$org" "$FABRIC_BIN/peer" channel join -b "$BLOCK" >>"$LOGS/peer-cli.log" 2>&1; do
            tries=$((tries + 1))
            ((tries < 10)) || die "peer0.$org could not join $CHANNEL (see $LOGS/peer-cli.log)"
            sleep 1
        done
        wait_for 30 "peer0.$org joined" peer_joined "$org" || die "peer0.$org has no ledger for $CHANNEL"
    done < <(peer_rows)
}

# gossip_peers_known ORG OPSPORT: how many other peers ORG's peer sees on the channel (its metrics)
gossip_peers_known() {
    local tls
    tls="$(org_dir "$1")/users/Admin@$1.$DOMAIN/tls"
    curl -sf --cacert "$tls/ca.crt" --cert "$tls/client.crt" --key "$tls/client.key" \
        "https://127.0.0.1:$2/metrics" 2>/dev/null |
        sed -n "s/^gossip_membership_total_peers_known{channel=\"$CHANNEL\"} \([0-9.e+]*\)$/\1/p" | head -n 1
}

peer_sees_all() {
    local known expected
    expected=$(($(peer_rows | wc -l) - 1))
    known="$(gossip_peers_known "$1" "$2")"
    [[ -n "$known" ]] && awk -v k="$known" -v e="$expected" 'BEGIN { exit !(k + 0 >= e) }'
}

wait_for_gossip() {
    if ! command -v curl >/dev/null 2>&1; then
        log "curl not found: cannot read gossip membership, waiting 30 s instead"
        sleep 30
        return
    fi
    local org msp port ccport opsport
    while read -r org msp port ccport opsport; do
        wait_for 90 "gossip" peer_sees_all "$org" "$opsport" ||
            die "peer0.$org does not see the other peers of $CHANNEL after 90 s (log: $LOGS/peer0.$org.log)"
    done < <(peer_rows)
    log "every peer sees the others through gossip"
}

all_running() {
    local org rest
    pid_alive orderer0.bureau || return 1
    while read -r org rest; do
        pid_alive "peer0.$org" || return 1
    done < <(peer_rows)
}

check_ports_free() {
    local port
    for port in $ORDERER_PORT $ORDERER_ADMIN_PORT $ORDERER_OPS_PORT ${CC_SERVER_ADDRESS##*:} $(peer_rows | awk '{ print $3, $4, $5 }'); do
        if port_open "$port"; then
            die "port $port on 127.0.0.1 is in use: is another Fabric network running? ('network.sh down' stops ours)"
        fi
    done
}

on_up_failure() {
    local status=$?
    trap - ERR EXIT
    if ((status != 0)); then
        echo "network.sh: up failed; stopping what was started (logs kept in $LOGS)" >&2
        stop_all
    fi
    exit "$status"
}

cmd_up() {
    require_fabric
    set_paths
    if [[ -f "$WORK/.up" ]] && all_running; then
        log "the network is already up (work folder $WORK)"
        return
    fi
    stop_all
    clean_generated
    check_ports_free
    trap on_up_failure ERR EXIT
    local started=$SECONDS
    rm -rf "$LOGS"
    mkdir -p "$LOGS"
    generate_crypto
    render_config
    start_orderer
    start_peers
    create_channel
    join_peers
    wait_for_gossip
    touch "$WORK/.up"
    trap - ERR EXIT
    log "network up in $((SECONDS - started)) s; work folder $WORK"
}

# ---------------------------------------------------------------- deploy

find_jar() {
    if [[ -n "$JAR" ]]; then
        [[ -f "$JAR" ]] || die "chaincode jar $JAR not found"
        return
    fi
    local candidate
    for candidate in "$HERE"/../chaincode/target/qcchain-chaincode-*-ccaas.jar; do
        [[ -f "$candidate" ]] && JAR="$candidate" && return
    done
    die "no chaincode jar: build it (mvn -pl chaincode -am package -DskipTests) or pass --jar"
}

json_string() {
    # a file's content as the inside of a JSON string: newlines as \n (PEM has no quotes or backslashes)
    awk '{ printf "%s\\n", $0 }' "$1"
}

# make_package LABEL: the chaincode package, made once per work folder and label (its hash is the
# package id, so a deploy that runs again, or another host, must use the very same file)
make_package() {
    local label="$1" dir="$CCDIR/$1" meta conn pem
    [[ -f "$CCDIR/$label.tar.gz" ]] && return
    rm -rf "$dir"
    mkdir -p "$dir/src"
    meta="$(<"$HERE/chaincode/metadata.json")"
    printf '%s\n' "${meta//@LABEL@/"$label"}" >"$dir/metadata.json"
    conn="$(<"$HERE/chaincode/connection.json")"
    conn="${conn//@ADDRESS@/"$CC_SERVER_ADDRESS"}"
    pem="$(json_string "$ORGS/peerOrganizations/chaincode.$DOMAIN/peers/qcchain.chaincode.$DOMAIN/tls/ca.crt")"
    printf '%s\n' "${conn//@ROOT_CERT@/"$pem"}" >"$dir/src/connection.json"
    tar -C "$dir/src" -czf "$dir/code.tar.gz" connection.json
    tar -C "$dir" -czf "$CCDIR/$label.tar.gz" metadata.json code.tar.gz
}

start_chaincode_server() {
    local package_id="$1" tls="$ORGS/peerOrganizations/chaincode.$DOMAIN/peers/qcchain.chaincode.$DOMAIN/tls"
    if pid_alive chaincode && [[ "$(cat "$CCDIR/server.package-id" 2>/dev/null)" == "$package_id" ]]; then
        log "chaincode server already runs for $package_id"
        return
    fi
    stop_process chaincode
    require_tool "${JAVA:-java}" "set JAVA or put java 17+ on PATH"
    mkdir -p "$CCDIR/tls"
    base64 <"$tls/server.key" | tr -d '\n' >"$CCDIR/tls/server.key.b64"
    base64 <"$tls/server.crt" | tr -d '\n' >"$CCDIR/tls/server.crt.b64"
    log "starting the chaincode server on $CC_SERVER_ADDRESS ($(basename "$JAR"))"
    (
        export CHAINCODE_SERVER_ADDRESS=$CC_SERVER_ADDRESS
        export CORE_CHAINCODE_ID_NAME="$package_id"
        export CORE_PEER_TLS_ENABLED=true
        export CORE_TLS_CLIENT_KEY_FILE="$tls/server.key" CORE_TLS_CLIENT_CERT_FILE="$tls/server.crt"
        # the shim also reads these (base64 of the PEM files, the peer-launched convention) when a
        # peer connects, even as a server; without them it fails with "Illegal base64 character"
        export CORE_TLS_CLIENT_KEY_PATH="$CCDIR/tls/server.key.b64" CORE_TLS_CLIENT_CERT_PATH="$CCDIR/tls/server.crt.b64"
        export CORE_PEER_TLS_ROOTCERT_FILE="$tls/ca.crt"
        start_process chaincode "${JAVA:-java}" -jar "$JAR"
    )
    echo "$package_id" >"$CCDIR/server.package-id"
    wait_for_port chaincode "${CC_SERVER_ADDRESS##*:}"
}

committed_sequence() {
    as_admin bureau "$FABRIC_BIN/peer" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" 2>/dev/null |
        sed -n 's/.*Sequence: \([0-9]*\).*/\1/p' | head -n 1 || true
}

approved_package() {
    # approved_package ORG SEQUENCE: the package id ORG approved for that sequence, if any
    as_admin "$1" "$FABRIC_BIN/peer" lifecycle chaincode queryapproved -C "$CHANNEL" -n "$CC_NAME" \
        --sequence "$2" 2>/dev/null | sed -n 's/.*package-id: \([^,]*\),.*/\1/p' | head -n 1 || true
}

install_everywhere() {
    local package="$1" package_id="$2" org rest
    while read -r org rest; do
        if as_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode queryinstalled 2>/dev/null | grep -qF "$package_id"; then
            log "peer0.$org has $package_id already"
            continue
        fi
        log "installing $package_id on peer0.$org"
        as_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode install "$package" >>"$LOGS/peer-cli.log" 2>&1 ||
            die "install on peer0.$org failed (see $LOGS/peer-cli.log and $LOGS/peer0.$org.log)"
    done < <(peer_rows)
}

approve_and_commit() {
    local package_id="$1" version="$2" sequence="$3" org msp port rest
    local definition=(-C "$CHANNEL" -n "$CC_NAME" -v "$version" --sequence "$sequence" --signature-policy "$CC_POLICY")
    while read -r org msp port rest; do
        if [[ "$(approved_package "$org" "$sequence")" == "$package_id" ]]; then
            log "$msp approved sequence $sequence already"
            continue
        fi
        log "$msp approves $CC_NAME version $version, sequence $sequence"
        as_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode approveformyorg "${ORDERER_ARGS[@]}" "${definition[@]}" \
            --package-id "$package_id" >>"$LOGS/peer-cli.log" 2>&1 ||
            die "approval by $msp failed (see $LOGS/peer-cli.log)"
    done < <(peer_rows)

    local targets=()
    while read -r org msp port rest; do
        targets+=(--peerAddresses "127.0.0.1:$port" --tlsRootCertFiles "$(peer_home "$org")/tls/ca.crt")
    done < <(peer_rows)
    log "committing $CC_NAME sequence $sequence on $CHANNEL"
    as_admin bureau "$FABRIC_BIN/peer" lifecycle chaincode commit "${ORDERER_ARGS[@]}" "${definition[@]}" "${targets[@]}" \
        >>"$LOGS/peer-cli.log" 2>&1 || die "commit failed (see $LOGS/peer-cli.log)"
}

chaincode_answers() {
    # the contract API's metadata function needs no initialised platform
    pid_alive chaincode || die "the chaincode server exited (log: $LOGS/chaincode.log)"
    as_admin "$1" timeout 30 "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n "$CC_NAME" \
        -c '{"Args":["org.hyperledger.fabric:GetMetadata"]}'
}

cmd_deploy() {
    require_fabric
    set_paths
    all_running || die "the network is not up (work folder $WORK): run 'network.sh up' first"
    find_jar
    local started=$SECONDS label="${CC_NAME}_$VERSION" package package_id sequence org rest
    mkdir -p "$CCDIR"
    make_package "$label"
    package="$CCDIR/$label.tar.gz"
    package_id="$(as_admin bureau "$FABRIC_BIN/peer" lifecycle chaincode calculatepackageid "$package")"
    log "package $label: $package_id"
    start_chaincode_server "$package_id"
    install_everywhere "$package" "$package_id"

    sequence="$(committed_sequence)"
    sequence="${sequence:-0}"
    if ((sequence > 0)) && [[ "$(approved_package bureau "$sequence")" == "$package_id" ]]; then
        log "$CC_NAME sequence $sequence with $package_id is committed already"
    else
        approve_and_commit "$package_id" "$VERSION" $((sequence + 1))
    fi
    while read -r org rest; do
        wait_for 60 "chaincode on peer0.$org" chaincode_answers "$org" ||
            die "the chaincode does not answer on peer0.$org (logs: $LOGS/peer0.$org.log, $LOGS/chaincode.log)"
    done < <(peer_rows)
    # the gateways learn through gossip which peers run the chaincode
    sleep 3
    log "chaincode $CC_NAME deployed in $((SECONDS - started)) s"
}

# ---------------------------------------------------------------- down, status

stop_all() {
    [[ -d "$PIDS" ]] || return 0
    # the chaincode server first, the orderer last
    stop_process chaincode
    stop_process $(peer_rows | awk '{ print "peer0." $1 }')
    stop_process orderer0.bureau
}

clean_generated() {
    rm -rf "$ORGS" "$CONFIG" "$NODES" "$PIDS" "$ARTIFACTS" "$CCDIR" "$WORK/.up"
}

cmd_down() {
    set_paths
    stop_all
    clean_generated
    log "network down; logs kept in $LOGS"
}

cmd_status() {
    set_paths
    local name
    for name in orderer0.bureau $(peer_rows | awk '{ print "peer0." $1 }') chaincode; do
        if pid_alive "$name"; then
            echo "$name running (pid $(pid_of "$name"), log $LOGS/$name.log)"
        else
            echo "$name stopped"
        fi
    done
}

# ---------------------------------------------------------------- main

WORK="${QCCHAIN_NETWORK_WORK:-$HERE/work}"
JAR="${QCCHAIN_CHAINCODE_JAR:-}"
VERSION=1
COMMAND=""
while (($# > 0)); do
    case "$1" in
    -h | --help) usage; exit 0 ;;
    -w | --work) [[ $# -ge 2 ]] || die "$1 needs a folder"; WORK="$2"; shift 2 ;;
    -j | --jar) [[ $# -ge 2 ]] || die "$1 needs a file"; JAR="$2"; shift 2 ;;
    -v | --version) [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || die "$1 needs a number"; VERSION="$2"; shift 2 ;;
    up | deploy | down | status) [[ -z "$COMMAND" ]] || die "one command at a time"; COMMAND="$1"; shift ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
done
[[ -n "$COMMAND" ]] || { usage >&2; exit 2; }
"cmd_$COMMAND"
