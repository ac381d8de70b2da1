/**
 * The parts of TensorFlow's event.proto, summary.proto and tensor.proto that scalars live in,
 * as a protobufjs JSON descriptor (field numbers as upstream). Fields left out (graphs, images,
 * histograms' buckets, …) are skipped by the decoder, so any event file decodes.
 */
import protobuf from "protobufjs/light.js";

const descriptor = {
  nested: {
    tensorboard: {
      nested: {
        Event: {
          oneofs: { what: { oneof: ["fileVersion", "summary"] } },
          fields: {
            wallTime: { type: "double", id: 1 },
            step: { type: "int64", id: 2 },
            fileVersion: { type: "string", id: 3 },
            summary: { type: "Summary", id: 5 },
          },
        },
        Summary: {
          fields: { value: { rule: "repeated", type: "Value", id: 1 } },
          nested: {
            Value: {
              oneofs: { value: { oneof: ["simpleValue", "tensor"] } },
              fields: {
                tag: { type: "string", id: 1 },
                simpleValue: { type: "float", id: 2 },
                tensor: { type: "TensorProto", id: 8 },
              },
            },
          },
        },
        TensorProto: {
          fields: {
            dtype: { type: "int32", id: 1 },
            tensorShape: { type: "TensorShapeProto", id: 2 },
            tensorContent: { type: "bytes", id: 4 },
            floatVal: { rule: "repeated", type: "float", id: 5, options: { packed: true } },
            doubleVal: { rule: "repeated", type: "double", id: 6, options: { packed: true } },
          },
        },
        TensorShapeProto: {
          fields: { dim: { rule: "repeated", type: "Dim", id: 2 } },
          nested: { Dim: { fields: { size: { type: "int64", id: 1 } } } },
        },
      },
    },
  },
};

/** protobufjs gives int64 as a number, or as a Long when the value does not fit one. */
export type Int64 = number | { toNumber(): number };

export interface TfTensor {
  dtype?: number;
  tensorShape?: { dim?: { size?: Int64 }[] };
  tensorContent?: Uint8Array;
  floatVal?: number[];
  doubleVal?: number[];
}

export interface TfSummaryValue {
  tag?: string;
  /** Which of the scalar carriers is set, if either. */
  value?: "simpleValue" | "tensor";
  simpleValue?: number;
  tensor?: TfTensor;
}

export interface TfEvent {
  wallTime?: number;
  step?: Int64;
  fileVersion?: string;
  summary?: { value?: TfSummaryValue[] };
}

export const DT_FLOAT = 1;
export const DT_DOUBLE = 2;

const eventType = protobuf.Root.fromJSON(descriptor).lookupType("tensorboard.Event");

/** Throws protobufjs' error when the bytes are not an Event. */
export function decodeEvent(data: Uint8Array): TfEvent {
  return eventType.decode(data) as unknown as TfEvent;
}

export function int64ToNumber(value: Int64 | undefined): number {
  if (value === undefined) return 0;
  return typeof value === "number" ? value : value.toNumber();
}
