#!/usr/bin/env python3
"""Writes a generated UK-sized postcode file in ONS Postcode Directory columns, and a native file of the
representatives for its areas, as a stream (never the whole file in memory).

  python3 generate.py POSTCODES postcodes.csv members.csv

Postcodes are unique and shaped like real ones (EH1 0AB, SW12 9XY); the first ninth are Scottish (a
Westminster constituency, a Holyrood constituency and its region), the rest English (a Westminster
constituency only). One in a hundred is terminated (doterm set), as in the real directory. Codes are GSS-shaped
(E14..., S14..., S16..., S17...); every e-mail address is at example.org.
"""
import sys

UNITS = [a + b for a in "ABDEFGHJLNPQRSTUWXYZ" for b in "ABDEFGHJLNPQRSTUWXYZ"]  # 400, as Royal Mail uses
SCOTTISH_AREAS = ["EH", "G", "AB", "DD", "KY", "FK", "PA", "IV"]
ENGLISH_AREAS = ["SW", "SE", "N", "NW", "E", "W", "M", "B", "LS", "S", "BS", "NE", "L", "CV", "OX", "CB"]
PCON_SCOTLAND, SPC, SPR, PCON_ENGLAND = 57, 73, 8, 593


def main():
    total, postcodes_path, members_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    scottish = total // 9
    with open(postcodes_path, "w", buffering=1 << 20) as out:
        out.write("pcds,doterm,pcon,spc,spr\n")
        for i in range(total):
            is_scottish = i < scottish
            j = i if is_scottish else i - scottish
            block = j // 4000
            areas = SCOTTISH_AREAS if is_scottish else ENGLISH_AREAS
            outward = f"{areas[(block // 99) % len(areas)]}{block % 99 + 1}"
            if block // 99 >= len(areas):  # more districts than areas * 99: letters of a second round
                outward = f"{areas[(block // 99) % len(areas)][0]}Z{block % 99 + 1}"
            postcode = f"{outward} {(j // 400) % 10}{UNITS[j % 400]}"
            doterm = "200912" if i % 100 == 99 else ""
            if is_scottish:
                spc = block % SPC
                out.write(f"{postcode},{doterm},S14{block % PCON_SCOTLAND:06d},S16{spc:06d},S17{spc % SPR:06d}\n")
            else:
                out.write(f"{postcode},{doterm},E14{block % PCON_ENGLAND:06d},,\n")
    with open(members_path, "w") as out:
        out.write("body,area_code,area_name,parent_area_code,key,name,party,email,postal_address,valid_from\n")
        house = '"House of Commons, London SW1A 0AA"'
        holyrood = '"The Scottish Parliament, Edinburgh EH99 1SP"'
        for n in range(PCON_SCOTLAND):
            out.write(f"uk-commons,S14{n:06d},Scottish seat {n} (bench),,mp-s{n},MP {n} (bench),Bench,"
                      f"mp.s{n}@example.org,{house},2024-07-05\n")
        for n in range(PCON_ENGLAND):
            out.write(f"uk-commons,E14{n:06d},English seat {n} (bench),,mp-e{n},MP {n} (bench),Bench,"
                      f"mp.e{n}@example.org,{house},2024-07-05\n")
        for r in range(SPR):
            for seat in range(7):
                out.write(f"scottish-parliament,S17{r:06d},Region {r} (bench),,msp-r{r}-{seat},"
                          f"Regional MSP {r}.{seat} (bench),Bench,msp.r{r}.{seat}@example.org,{holyrood},2021-05-07\n")
        for n in range(SPC):
            out.write(f"scottish-parliament,S16{n:06d},Holyrood seat {n} (bench),S17{n % SPR:06d},msp-c{n},"
                      f"MSP {n} (bench),Bench,msp.c{n}@example.org,{holyrood},2021-05-07\n")


if __name__ == "__main__":
    main()
