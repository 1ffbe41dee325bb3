#include "app/network_generator.h"

namespace prosit {

Result<NetworkBatch> GenerateNetwork(const Territory&, const ReferenceData&,
                                     const GeneratorOptions&) {
  return Status::IoError("the generator is being written");
}

Result<NetworkBatch> BuildDemoNetwork(const Territory&, const ReferenceData&, const std::string&,
                                      uint64_t) {
  return Status::IoError("the demo builder is being written");
}

}  // namespace prosit
