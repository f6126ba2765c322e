#!/usr/bin/env bash
# The same workload with AffDesk and two peers, side by side: one GET of
# impact.com's pending actions and 1,000 PUTs updating them, against the built-in
# demo tracker (affdesk demo-tracker) on 127.0.0.1. Prints the wall time
# and peak RSS of each (/usr/bin/time -v). newman and the Bruno CLI are
# installed with npm into a temporary folder. Not part of make test.
#   bench/peers.sh [path to the affdesk CLI binary]
set -euo pipefail
bin=$(realpath "${1:-build/bin/affdesk-cli}")
work=$(mktemp -d)
demo_pid=""
trap '[ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null; [ -z "${KEEP:-}" ] && rm -rf "$work"' EXIT
cd "$work"

echo "installing newman and the Bruno CLI into $work/npm ..." >&2
npm install --prefix npm --no-audit --no-fund --loglevel=error newman@6 @usebruno/cli@4 >/dev/null
export PATH="$work/npm/node_modules/.bin:$PATH"

"$bin" demo-tracker > demo.txt &
demo_pid=$!
for _ in $(seq 50); do [ -s demo.txt ] && break; sleep 0.1; done
url=$(head -1 demo.txt)
sid=IRDEMO1000AffDeskSampleAccount token=demo-auth-token-0000
base="$url/Advertisers/$sid"
from=$(date -u -d '-44 days' +%Y-%m-%dT00:00:00Z) to=$(date -u +%Y-%m-%dT00:00:00Z)
list="$base/Actions?CampaignId=1000&State=PENDING&ActionDateStart=$from&ActionDateEnd=$to&PageSize=2000"

# The IDs the peers iterate over (AffDesk selects them itself).
curl -sf -u "$sid:$token" -H 'Accept: application/json' "$list" > actions.json
node -e 'const a=require("./actions.json").Actions.slice(0,1000); if(a.length<1000){console.error("only "+a.length+" actions");process.exit(1)}
console.log("ActionId"); for (const x of a) console.log(x.Id)' > ids.csv

measure() { # name, command...
	local name=$1; shift
	/usr/bin/time -v "$@" > "$name.out" 2> "$name.time" || { echo "$name failed:"; tail -n 20 "$name.out" "$name.time"; return 1; }
	local wall rss
	wall=$(grep 'Elapsed (wall clock)' "$name.time" | awk '{print $NF}')
	rss=$(grep 'Maximum resident' "$name.time" | awk '{print $NF}')
	printf '| %s | %s | %d MiB |\n' "$name" "$wall" $((rss / 1024))
}

# newman: the GET once, then the PUT once per CSV row.
node -e 'const item=(name,method,body)=>({name,request:{method,auth:{type:"basic",basic:[{key:"username",value:"{{sid}}"},{key:"password",value:"{{token}}"}]},
header:[{key:"Accept",value:"application/json"}],url:"{{url}}",body}});
const put=item("put","PUT",{mode:"urlencoded",urlencoded:[{key:"ActionId",value:"{{ActionId}}"},{key:"Amount",value:"10.00"},{key:"Reason",value:"ORDER_UPDATE"}]});
put.request.url="{{base}}/Actions";
const get=item("get","GET"); get.request.url="{{list}}";
const c=(n,i)=>({info:{name:n,schema:"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},item:[i]});
require("fs").writeFileSync("get.postman.json",JSON.stringify(c("get",get)));
require("fs").writeFileSync("put.postman.json",JSON.stringify(c("put",put)));'
cat > newman.sh <<SH
newman run get.postman.json --env-var "list=$list" --env-var sid=$sid --env-var token=$token --reporters cli -x >/dev/null &&
newman run put.postman.json -d ids.csv --env-var "base=$base" --env-var sid=$sid --env-var token=$token --reporters cli >/dev/null
SH

# Bruno: a collection of the same two requests.
mkdir -p bruno
echo '{"version":"1","name":"peers","type":"collection"}' > bruno/bruno.json
cat > bruno/get.bru <<'BRU'
meta {
  name: get
  type: http
  seq: 1
}
get {
  url: {{list}}
  auth: basic
}
headers {
  Accept: application/json
}
auth:basic {
  username: {{sid}}
  password: {{token}}
}
BRU
cat > bruno/put.bru <<'BRU'
meta {
  name: put
  type: http
  seq: 1
}
put {
  url: {{base}}/Actions
  body: formUrlEncoded
  auth: basic
}
auth:basic {
  username: {{sid}}
  password: {{token}}
}
body:form-urlencoded {
  ActionId: {{ActionId}}
  Amount: 10.00
  Reason: ORDER_UPDATE
}
BRU
cat > bruno.sh <<SH
cd bruno && bru run get.bru --env-var "list=$list" --env-var sid=$sid --env-var token=$token >/dev/null &&
bru run put.bru --csv-file-path ../ids.csv --env-var "base=$base" --env-var sid=$sid --env-var token=$token >/dev/null
SH

# AffDesk: a bundle with the same two requests; the password comes from
# the environment, as a scheduler would pass it.
cat > bundle.json <<JSON
{"format":"affdesk.automations","version":1,
 "connections":[{"id":1,"name":"Demo impact","platform":"custom","timezone":"UTC",
   "settings":{"base_url":"$base","auth_mode":"basic","username":"$sid"}}],
 "templates":[
  {"id":1,"name":"List","connectionId":1,"platform":"custom","kind":"get","method":"GET","path":"/Actions","bodyEncoding":"form","params":[
    {"name":"Accept","in":"header","type":"string","default":"application/json"},
    {"name":"CampaignId","in":"query","type":"string","default":"1000"},
    {"name":"State","in":"query","type":"string","default":"PENDING"},
    {"name":"ActionDateStart","in":"query","type":"string","default":"$from"},
    {"name":"ActionDateEnd","in":"query","type":"string","default":"$to"},
    {"name":"PageSize","in":"query","type":"string","default":"2000"}]},
  {"id":2,"name":"Update","connectionId":1,"platform":"custom","kind":"edit","method":"PUT","path":"/Actions","bodyEncoding":"form","params":[
    {"name":"Accept","in":"header","type":"string","default":"application/json"},
    {"name":"ActionId","in":"body","type":"string","required":true},
    {"name":"Amount","in":"body","type":"string","default":"10.00"},
    {"name":"Reason","in":"body","type":"string","default":"ORDER_UPDATE"}]}],
 "automations":[{"id":1,"name":"Update 1000","trigger":{"kind":"manual"},"steps":[
   {"id":"s1","kind":"action_get","name":"List","templateId":1,"selections":[{"path":"\$.Actions[0:1000].Id","variable":"ids"}]},
   {"id":"s2","kind":"for_each","name":"Each","over":"{ids}","concurrency":1,"steps":[
     {"id":"s3","kind":"action_edit","name":"Update","templateId":2,"values":{"ActionId":"{item}"}}]}]}]}
JSON

echo "| tool | wall time | peak RSS |"
echo "|---|---:|---:|"
AFFDESK_SECRET_DEMO_IMPACT_PASSWORD=$token measure "affdesk run --bundle" "$bin" run --bundle bundle.json "Update 1000"
measure "newman 6" bash newman.sh
measure "Bruno CLI 4" bash bruno.sh
